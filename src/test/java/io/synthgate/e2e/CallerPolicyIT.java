package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GatewayWithResearchPacs;
import io.synthgate.testing.ProcessRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may talk to the SCP is decided before association negotiation, with A-ASSOCIATE-RJ for everyone else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerPolicyIT {

    private GatewayWithResearchPacs pair;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        pair = GatewayWithResearchPacs.start("caller-policy",
                Map.of("synthgate.dicom.allowed-callers", "MODALITY1@127.0.0.1,CLINPACS"));
        gateway = pair.gateway();
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
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
