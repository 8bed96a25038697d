package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may talk to the SCP is decided before association negotiation, with A-ASSOCIATE-RJ for everyone else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerPolicyIT {

    private OrthancProcess orthanc;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createTempDirectory("caller-policy");
        orthanc = OrthancProcess.start(folder);
        gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                Map.of("synthgate.dicom.allowed-callers", "MODALITY1@127.0.0.1,CLINPACS")).start();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        orthanc.close();
    }

    @Test
    void acceptsAnAllowedCaller() {
        assertEquals(0, echo("MODALITY1", GatewayProcess.AE_TITLE).exitCode());
        assertEquals(0, echo("CLINPACS", GatewayProcess.AE_TITLE).exitCode());
    }

    @Test
    void rejectsCallerNotInAllowList() {
        ProcessRun run = echo("INTRUDER", GatewayProcess.AE_TITLE);
        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("Association Rejected"), run.output());
        assertTrue(run.output().contains("Calling AE Title Not Recognized"), run.output());
    }

    @Test
    void rejectsCallerThatAddressesAnotherAeTitle() {
        ProcessRun run = echo("MODALITY1", "SOMEONEELSE");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("Called AE Title Not Recognized"), run.output());
    }

    private ProcessRun echo(String callingAe, String calledAe) {
        return ProcessRun.run(List.of("echoscu", "-v", "-aet", callingAe, "-aec", calledAe, "127.0.0.1",
                Integer.toString(gateway.dicomPort())));
    }
}
