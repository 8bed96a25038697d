package io.synthgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A started gateway exporting to a research Orthanc of its own, both under one temporary folder: the
 * fixture of the end-to-end tests whose tests share one pair. Closing stops both.
 */
public final class GatewayWithResearchPacs implements AutoCloseable {

    private final Path folder;
    private final OrthancProcess orthanc;
    private final GatewayProcess gateway;

    private GatewayWithResearchPacs(Path folder, OrthancProcess orthanc, GatewayProcess gateway) {
        this.folder = folder;
        this.orthanc = orthanc;
        this.gateway = gateway;
    }

    /** Starts both in a new temporary folder named after {@code name}, the gateway with {@code overrides}. */
    public static GatewayWithResearchPacs start(String name, Map<String, String> overrides)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(name);
        OrthancProcess orthanc = OrthancProcess.start(folder);
        try {
            return new GatewayWithResearchPacs(folder, orthanc,
                    GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, overrides).start());
        } catch (IOException | InterruptedException | RuntimeException e) {
            orthanc.close();
            throw e;
        }
    }

    /** The folder both live in, where a test may write files of its own. */
    public Path folder() {
        return folder;
    }

    public OrthancProcess orthanc() {
        return orthanc;
    }

    public GatewayProcess gateway() {
        return gateway;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            gateway.close();
        } finally {
            orthanc.close();
        }
    }
}
