package io.synthgate.ingest;

import static io.synthgate.testing.TestUser.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.RawStoreClient;
import io.synthgate.testing.RawStoreClient.Part10;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spool below its free-space floor refuses objects with "Out of Resources" and keeps nothing. */
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
}
