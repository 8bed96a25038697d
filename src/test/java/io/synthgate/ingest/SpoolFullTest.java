package io.synthgate.ingest;

import static io.synthgate.testing.TestUser.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.job.JobEventView;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.SpaceWaitStep;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.spool.Spool;
import io.synthgate.spool.SpoolFullException;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.RawStoreClient;
import io.synthgate.testing.RawStoreClient.Part10;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A spool below its free-space floor refuses objects with "Out of Resources" and keeps nothing, writes
 * no copy, and a job whose route fails on the full spool waits for space instead of failing.
 */
@QuarkusTest
@TestProfile(SpoolFullTest.NoRoom.class)
class SpoolFullTest {

    /** A floor no disk reaches. */
    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("synthgate.spool.min-free-space", "1000000G");
        }
    }

    @Inject
    DicomListener listener;

    @Inject
    Spool spool;

    @Inject
    JobService jobs;

    @Inject
    SpaceWaitStep spaceWait;

    @Inject
    CamelContext camel;

    @Test
    void refusesWithOutOfResourcesWhenTheSpoolIsFull() throws Exception {
        String study = "2.25.555000111222333";
        Part10 ct = Part10.read(DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1.1",
                Files.createTempDirectory("spool-full").resolve("ct.dcm")));
        int status = RawStoreClient.store(listener.port(), "SYNTHGATE", "STORESCU", ct.sopClassUid(),
                ct.sopInstanceUid(), ct.transferSyntaxUid(), ct.dataSet());
        assertEquals(0xA700, status);
        ADMIN.given().get("/api/studies/{uid}", study).then().statusCode(404);
    }

    @Test
    void aJobWhoseRouteFailsOnTheFullSpoolWaitsForSpaceInsteadOfFailing() {
        SpoolFullException full = assertThrows(SpoolFullException.class, spool::newTemporaryFile,
                "no copy is written below the floor");
        assertTrue(full.getMessage().contains("at or below synthgate.spool.min-free-space"), full.getMessage());

        UUID job = QuarkusTransaction.requiringNew()
                .call(() -> jobs.attachArrivals(new StudyInstanceUid("2.25.555000111222444"), 1, Instant.now()));
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Pipeline.JOB_ID, job);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, full);
        spaceWait.awaitOrFail(exchange);

        assertEquals(JobState.RECEIVED, jobs.find(job).orElseThrow().state(), "the job keeps its state");
        List<JobEventView> history = jobs.history(job);
        assertTrue(history.get(history.size() - 1).reason().startsWith("waits for space: spool "), history.toString());
    }
}
