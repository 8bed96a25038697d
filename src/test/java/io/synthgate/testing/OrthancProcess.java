package io.synthgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A real Orthanc (Debian's /usr/sbin/Orthanc) with its own storage and free ports: the research PACS,
 * or a clinical PACS that SynthGate pulls cohorts from.
 */
public final class OrthancProcess implements AutoCloseable {

    public static final String AE_TITLE = "ORTHANC";
    /** The AE title of a clinical PACS ({@link #startClinical}). */
    public static final String CLINICAL_AE_TITLE = "CLINICAL_PACS";
    /** The gateway as a known modality: Orthanc answers C-FIND only from the modalities it knows. */
    private static final String GATEWAY_MODALITY = ", \"DicomModalities\": {\"synthgate\": [\"" + GatewayProcess.AE_TITLE
            + "\", \"127.0.0.1\", 104]}";

    private final Process process;
    private final int httpPort;
    private final int dicomPort;

    private OrthancProcess(Process process, int httpPort, int dicomPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    public static OrthancProcess start(Path folder) throws IOException, InterruptedException {
        return start(folder, FreePorts.next());
    }

    /** Starts Orthanc with its DICOM port fixed in advance (a gateway may already be configured for it). */
    public static OrthancProcess start(Path folder, int dicomPort) throws IOException, InterruptedException {
        return start(folder, dicomPort, "");
    }

    /**
     * Starts a research PACS that answers anyone's C-ECHO but takes C-STOREs only from the modalities
     * it knows, and knows none: as a PACS not yet told about the gateway, it aborts the association on
     * the first C-STORE. Starting {@link #start(Path, int)} on the same folder later keeps what it holds.
     */
    public static OrthancProcess startRefusingStores(Path folder, int dicomPort) throws IOException, InterruptedException {
        return start(folder, dicomPort, AE_TITLE, false, "");
    }

    /**
     * Starts a research PACS that knows the gateway as a modality, as one set up for stores the gateway
     * confirms: it also answers the gateway's C-FIND. Starting it on the same folder keeps what it holds.
     */
    public static OrthancProcess startKnowingGateway(Path folder, int dicomPort) throws IOException, InterruptedException {
        return start(folder, dicomPort, GATEWAY_MODALITY);
    }

    /**
     * Starts a research PACS as {@link #startKnowingGateway} whose Lua filter drops every object it
     * receives: it answers each C-STORE with success and keeps nothing, as a PACS rule that discards
     * objects does. No C-STORE client can tell; only a query back can.
     */
    public static OrthancProcess startDroppingStores(Path folder, int dicomPort) throws IOException, InterruptedException {
        Path filter = Files.createDirectories(folder).resolve("drop-everything.lua");
        Files.writeString(filter, """
                function ReceivedInstanceFilter(dicom, origin, info)
                  return false
                end
                """);
        return start(folder, dicomPort, GATEWAY_MODALITY + ", \"LuaScripts\": [\"" + filter + "\"]");
    }

    /**
     * Starts a research PACS with no room: it may hold one patient, holds one already ({@code resident},
     * uploaded and protected from recycling), and so answers every C-STORE of another patient with A700
     * (Refused: Out of Resources), as a PACS whose storage is full does. {@link #deletePatients()} makes room.
     */
    public static OrthancProcess startFull(Path folder, int dicomPort, Path resident)
            throws IOException, InterruptedException {
        OrthancProcess orthanc = start(folder, dicomPort, ", \"MaximumPatientCount\": 1");
        orthanc.upload(resident);
        for (JsonNode patient : orthanc.get("/patients")) {
            orthanc.send("PUT", "/patients/" + patient.asText() + "/protected", "1");
        }
        return orthanc;
    }

    /** Deletes every patient it holds, as an admin freeing space does. */
    public void deletePatients() {
        for (JsonNode patient : get("/patients")) {
            send("DELETE", "/patients/" + patient.asText(), "");
        }
    }

    private void send(String method, String path, String body) {
        HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Orthanc " + method + " " + path + " answered " + response.statusCode());
        }
    }

    /**
     * Starts Orthanc speaking DICOM over TLS only, with the certificate {@code certificates} made for
     * 127.0.0.1, and requiring callers to present one from the same authority; it knows the gateway,
     * so it answers its C-FIND too.
     */
    public static OrthancProcess startWithTls(Path folder, TestCertificates certificates)
            throws IOException, InterruptedException {
        return start(folder, FreePorts.next(), GATEWAY_MODALITY + ", " + tlsConfig(certificates));
    }

    /**
     * Starts a clinical PACS on {@code dicomPort} that knows the gateway listening on {@code gatewayPort}
     * as {@code SYNTHGATE}: it answers its C-FIND, C-MOVE (to it) and C-GET. Starting it again on the same
     * folder keeps what it holds.
     */
    public static OrthancProcess startClinical(Path folder, int dicomPort, int gatewayPort)
            throws IOException, InterruptedException {
        return start(folder, dicomPort, CLINICAL_AE_TITLE, true, """
                , "DicomModalities": {"synthgate": ["%s", "127.0.0.1", %d]}
                """.formatted(GatewayProcess.AE_TITLE, gatewayPort));
    }

    /**
     * A clinical PACS as {@link #startClinical} that speaks DICOM over TLS only, with the certificate
     * {@code certificates} made for 127.0.0.1, requiring callers to present one from the same authority.
     */
    public static OrthancProcess startClinicalWithTls(Path folder, int dicomPort, int gatewayPort,
            TestCertificates certificates) throws IOException, InterruptedException {
        return start(folder, dicomPort, CLINICAL_AE_TITLE, true, """
                , "DicomModalities": {"synthgate": ["%s", "127.0.0.1", %d]}, %s
                """.formatted(GatewayProcess.AE_TITLE, gatewayPort, tlsConfig(certificates)));
    }

    private static String tlsConfig(TestCertificates certificates) {
        return """
                "DicomTlsEnabled": true, "DicomTlsCertificate": "%s", "DicomTlsPrivateKey": "%s",
                 "DicomTlsTrustedCertificates": "%s", "DicomTlsRemoteCertificateRequired": true
                """.formatted(certificates.certificate("server"), certificates.key("server"), certificates.authority());
    }

    private static OrthancProcess start(Path folder, int dicomPort, String extraConfig)
            throws IOException, InterruptedException {
        return start(folder, dicomPort, AE_TITLE, true, extraConfig);
    }

    private static OrthancProcess start(Path folder, int dicomPort, String aeTitle, boolean storesFromAnyone,
            String extraConfig) throws IOException, InterruptedException {
        int httpPort = FreePorts.next();
        Path storage = Files.createDirectories(folder.resolve("orthanc-storage"));
        Path config = folder.resolve("orthanc.json");
        Files.writeString(config, """
                {"Name": "synthgate-test", "StorageDirectory": "%s", "IndexDirectory": "%s",
                 "HttpPort": %d, "DicomPort": %d, "DicomAet": "%s", "RemoteAccessAllowed": false,
                 "AuthenticationEnabled": false, "Plugins": [], "DicomAlwaysAllowStore": %b %s}
                """.formatted(storage, storage, httpPort, dicomPort, aeTitle, storesFromAnyone, extraConfig));
        ProcessBuilder builder = new ProcessBuilder("/usr/sbin/Orthanc", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("orthanc.log").toFile());
        builder.environment().putAll(ProcessRun.NO_DELAY);
        OrthancProcess orthanc = new OrthancProcess(builder.start(), httpPort, dicomPort);
        orthanc.awaitUp();
        return orthanc;
    }

    public int dicomPort() {
        return dicomPort;
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = TestHttp.get(base() + path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Orthanc GET " + path + " answered " + response.statusCode());
        }
        return TestHttp.json(response.body());
    }

    public byte[] getBytes(String path) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Stores {@code file} through the REST API, as a PACS's own archive would hold it. */
    public void upload(Path file) throws IOException {
        HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(URI.create(base() + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Orthanc refused " + file + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Orthanc's id of the instance with this SOP Instance UID, if it holds one. */
    public Optional<String> findInstance(String sopInstanceUid) {
        HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(URI.create(base() + "/tools/lookup"))
                .POST(HttpRequest.BodyPublishers.ofString(sopInstanceUid)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode hit : TestHttp.json(response.body())) {
            if (hit.path("Type").asText().equals("Instance")) {
                return Optional.of(hit.path("ID").asText());
            }
        }
        return Optional.empty();
    }

    private String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    private void awaitUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited with " + process.exitValue());
            }
            try {
                get("/system");
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Orthanc did not start within 30 s");
    }

    /**
     * SIGSTOP: the PACS hangs, as a deadlocked one does. Its port still takes connections (the kernel
     * completes them), and nothing comes back on them until {@link #thaw()}.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT: the frozen PACS runs again. */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL: the PACS goes away mid-association, as a crash or a pulled cable leaves it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
