package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Acknowledged means kept": the gateway is killed with SIGKILL in the middle of a C-STORE stream,
 * started again on the same database and spool, and every instance the sender saw acknowledged ends
 * up with a synthetic counterpart in the research PACS.
 */
class CrashRecoveryIT {

    private static final int INSTANCES = 600;
    private static final int KILL_AFTER_ACKNOWLEDGED = 40;
    private static final String SUCCESS = "Received Store Response (Success)";

    @TempDir
    Path folder;

    @Test
    void exportsEveryAcknowledgedImageAfterKillDuringSend() throws Exception {
        String study = "2.25.1234567890123456789";
        List<Path> files = copiesOfOneStudy(TestFiles.pydicom("CT_small.dcm"), study, folder.resolve("sent"));

        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of()).start()) {
            Path senderLog = folder.resolve("storescu.log");
            List<String> command = new ArrayList<>(List.of("storescu", "-v", "-aec", GatewayProcess.AE_TITLE, "-aet",
                    "MODALITY", "127.0.0.1", Integer.toString(gateway.dicomPort())));
            files.forEach(f -> command.add(f.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(senderLog.toFile());
            builder.environment().putAll(ProcessRun.NO_DELAY);
            Process sender = builder.start();

            Instant deadline = Instant.now().plusSeconds(60);
            while (acknowledged(senderLog) < KILL_AFTER_ACKNOWLEDGED && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            gateway.kill();
            sender.waitFor(60, TimeUnit.SECONDS);
            int acknowledged = acknowledged(senderLog);
            assertTrue(acknowledged >= KILL_AFTER_ACKNOWLEDGED && acknowledged < INSTANCES,
                    "the kill must land during the send; acknowledged " + acknowledged + " of " + INSTANCES);

            gateway.start();
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, acknowledged, Duration.ofSeconds(180));
            for (Path file : files.subList(0, acknowledged)) {
                String sop = DicomCopies.sopInstanceUid(file);
                String synthetic = outputs.get(sop);
                assertTrue(synthetic != null, "acknowledged instance " + sop + " has no exported synthetic output");
                assertTrue(orthanc.findInstance(synthetic).isPresent(), "Orthanc lacks " + synthetic + " for " + sop);
            }
        }
    }

    private static int acknowledged(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        int count = 0;
        int from = 0;
        String text = Files.readString(log);
        while ((from = text.indexOf(SUCCESS, from)) >= 0) {
            count++;
            from += SUCCESS.length();
        }
        return count;
    }

    /** Copies of one real image, each a new instance of the same study and series, in sending order. */
    private static List<Path> copiesOfOneStudy(Path template, String study, Path into) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            files.add(DicomCopies.asInstanceOf(template, study, study + ".1." + i, into.resolve(String.format("%04d.dcm", i))));
        }
        return files;
    }
}
