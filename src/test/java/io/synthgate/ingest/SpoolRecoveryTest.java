package io.synthgate.ingest;

import static io.synthgate.testing.TestUser.ADMIN;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthgate.spool.Spool;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An object acknowledged just before a crash is in the spool without a record; start-up recovery
 * makes its record from the file alone, and leaves recorded and unreadable files as they are.
 */
@QuarkusTest
class SpoolRecoveryTest {

    @Inject
    Spool spool;

    @Inject
    SpoolRecovery recovery;

    @Inject
    DicomListener listener;

    @Test
    void recordsSpooledObjectsThatHaveNoRecordFromTheFileAlone() throws Exception {
        String study = "2.25.808000111222333444";
        Path folder = spool.inbound().resolve(study);
        Path spooled = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1.1",
                folder.resolve(study + ".1.1.dcm"));
        Instant acknowledgedAt = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(spooled, FileTime.from(acknowledgedAt));
        Path unreadable = Files.writeString(folder.resolve("2.25.9.dcm"), "not DICOM");

        assertEquals(1, recovery.recordUnrecorded());

        JsonPath detail = ADMIN.given().get("/api/studies/{uid}", study).then().statusCode(200).extract().jsonPath();
        assertEquals(1, detail.getInt("study.instanceCount"));
        assertEquals("TEST", detail.getString("instances[0].callingAe"), "from Source Application Entity Title");
        assertEquals(acknowledgedAt, Instant.parse(detail.getString("instances[0].receivedAt")));
        assertEquals("CT", detail.getString("instances[0].modality"));
        // Acknowledged long ago, so the idle sweep may complete its study at once: only the job is asserted.
        assertEquals(1, detail.getList("jobs").size());
        assertEquals(detail.getString("jobs[0].id"), detail.getString("instances[0].jobId"));
        assertTrue(Files.exists(unreadable), "an unreadable file stays in the spool");

        assertEquals(0, recovery.recordUnrecorded(), "a recorded file is not recorded again");
        ADMIN.given().get("/api/studies/{uid}", study).then().statusCode(200)
                .body("study.instanceCount", equalTo(1));
    }

    @Test
    void spooledObjectNamesItsCallingAeTitleForRecovery() throws Exception {
        String study = "2.25.808000111222555666";
        Path sent = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1.1",
                Files.createTempDirectory("spool-recovery").resolve("ct.dcm"));
        ProcessRun run = ProcessRun.storescu(listener.port(), "SYNTHGATE", "WARD_CT2", List.of(), List.of(sent));
        assertEquals(0, run.exitCode(), run.output());

        AttributeList meta = new AttributeList();
        meta.read(spool.inbound().resolve(study).resolve(study + ".1.1.dcm").toFile(), TagFromName.PixelData);
        assertEquals("WARD_CT2", Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.SourceApplicationEntityTitle));
    }
}
