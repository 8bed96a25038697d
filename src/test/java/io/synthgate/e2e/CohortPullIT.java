package io.synthgate.e2e;

import static io.synthgate.e2e.CohortProgress.awaitEnd;
import static io.synthgate.e2e.CohortProgress.awaitRetrieved;
import static io.synthgate.e2e.CohortProgress.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.TestCertificates;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Cohorts pulled from a clinical PACS, a real Orthanc holding a dozen studies loaded through its REST
 * API, into a research Orthanc: by modality and date range, by accession numbers, by body part, with a
 * dry run, by C-MOVE and by C-GET; and the ways a pull ends other than well: nothing matches, the PACS
 * does not know the move destination, the PACS is gone.
 */
class CohortPullIT {

    /**
     * Knee and chest radiographs of 2024, radiographs of 2023, CTs of 2024: A1001 to A1012; A1013, an MR
     * that announces more rows than its pixel data holds, which SynthGate refuses and Orthanc keeps.
     */
    private static final int STUDIES = 12;

    @TempDir
    Path folder;

    @Test
    void aQueryAndAnAccessionListEachPullExactlyTheirStudiesThroughTheirExperimentIntoTheResearchPacs()
            throws Exception {
        int clinicalPort = FreePorts.next();
        try (OrthancProcess research = OrthancProcess.start(folder.resolve("research"));
                GatewayProcess gateway = gateway(research, clinicalPort, Map.of());
                OrthancProcess clinical = clinicalPacs(clinicalPort, gateway)) {
            gateway.start();

            JsonNode byQuery = awaitEnd(gateway, open(gateway, TestUser.RESEARCHER, """
                    {"source": "clinical", "query": {"Modality": "CR", "StudyDate": "20240101-20241231"},
                     "experiments": ["inpaint"]}"""));
            assertEquals("DONE", byQuery.path("state").asText(), byQuery.toString());
            assertEquals(5, byQuery.path("matched").asInt());
            assertEquals(Set.of("A1001", "A1002", "A1003", "A1004", "A1005"), accessions(byQuery, "RETRIEVED"));
            JsonNode exported = awaitJobs(gateway, byQuery, "EXPORTED", 5);
            String firstJob = byQuery.path("studyList").get(0).path("jobIds").get(0).asText();
            assertTrue(gateway.getJson("/api/jobs/" + firstJob).path("events").toString()
                    .contains("its retrieve by cohort " + byQuery.path("id").asText() + " ended"),
                    "completed when its retrieve ended, not by the idle timeout");
            assertEquals(5, research.get("/instances").size(), "a synthetic object for each retrieved radiograph");
            assertEquals(5, exported.path("studies").path("RETRIEVED").asInt());

            JsonNode asResearcher = TestHttp.json(TestHttp.send(gateway.request("/api/cohorts/"
                    + byQuery.path("id").asText(), TestUser.RESEARCHER).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            assertEquals(5, asResearcher.path("studies").path("RETRIEVED").asInt(), "counts for researchers");
            assertTrue(asResearcher.path("studyList").isMissingNode(),
                    "clinical Study Instance UIDs are for admins only: " + asResearcher);

            JsonNode byAccession = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "clinical", "accessionNumbers": ["A1006", "A1010", "A1003"], "experiments": ["inpaint"]}
                    """));
            assertEquals("DONE", byAccession.path("state").asText(), byAccession.toString());
            assertEquals(Set.of("A1006", "A1010"), accessions(byAccession, "RETRIEVED"));
            assertEquals(Set.of("A1003"), accessions(byAccession, "ALREADY_RECEIVED"), "not fetched again");
            awaitJobs(gateway, byAccession, "EXPORTED", 2);
            assertEquals(7, research.get("/instances").size());

            JsonNode knees = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "clinical", "query": {"Modality": "CR", "BodyPartExamined": "KNEE"}, "dryRun": true}
                    """));
            assertEquals("MATCHED", knees.path("state").asText(), "a dry run waits with its matches: " + knees);
            assertEquals(Set.of("A1001", "A1002"), accessions(knees, "ALREADY_RECEIVED"),
                    "the series-level query finds the two knees, both pulled before");

            JsonNode cts = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "clinical", "query": {"Modality": "CT"}, "dryRun": true, "limit": 2}"""));
            assertEquals("MATCHED", cts.path("state").asText(), cts.toString());
            assertEquals(4, cts.path("matched").asInt(), "four CTs match");
            assertEquals(2, cts.path("studyList").size(), "the limit takes the first two by date");
            JsonNode cancelled = post(gateway, "/api/cohorts/" + cts.path("id").asText() + "/cancel", 202);
            assertEquals("CANCELLED", cancelled.path("state").asText());
            assertEquals("cancelled by " + TestUser.ADMIN.username() + " before retrieving",
                    cancelled.path("reason").asText(), "the cohort names who cancelled it");

            JsonNode none = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "clinical", "query": {"StudyDate": "19990101-19991231"}}"""));
            assertEquals("DONE", none.path("state").asText(), none.toString());
            assertEquals(0, none.path("matched").asInt());
            assertTrue(none.path("reason").asText().contains("no study"), none.toString());

            HttpResponse<String> patientKey = send(gateway, "/api/cohorts", """
                    {"source": "clinical", "query": {"PatientName": "DOE^JOHN"}}""");
            assertEquals(400, patientKey.statusCode());
            assertTrue(patientKey.body().contains("Query key 'PatientName' is not allowed"), patientKey.body());
            assertEquals(400, send(gateway, "/api/cohorts", """
                    {"source": "elsewhere", "query": {"Modality": "CR"}}""").statusCode(), "an unknown source");

            pullTheCtsInTheBrowser(gateway);
        }
    }

    /** The CTs of 2024 through the pages: matches shown first, then retrieved; researchers see counts only. */
    private static void pullTheCtsInTheBrowser(GatewayProcess gateway) {
        try (Browser browser = Browser.open(gateway.url(""))) {
            browser.signIn(TestUser.ADMIN);
            browser.awaitUrlContaining("/admin/dashboard");
            browser.go("/admin/cohorts");
            browser.driver().findElement(By.id("modality")).sendKeys("CT");
            browser.driver().findElement(By.id("studyDate")).sendKeys("20240101-");
            browser.driver().findElement(By.cssSelector("#experiments input[value=inpaint]")).click();
            browser.screenshot("cohorts");
            browser.driver().findElement(By.id("open-cohort")).click();
            browser.awaitUrlContaining("/admin/cohorts/");
            browser.awaitText(By.id("cohort-state"), "MATCHED", Duration.ofMinutes(2));
            String rows = browser.text(By.id("studies"));
            assertTrue(rows.contains("A1009") && rows.contains("A1012"), rows);
            assertTrue(rows.contains("A1010 20241015 CT 1 ALREADY_RECEIVED"), rows);
            browser.screenshot("cohort-matched");
            browser.driver().findElement(By.id("retrieve")).click();
            browser.awaitText(By.id("cohort-state"), "DONE", Duration.ofMinutes(2));
            String counts = browser.text(By.id("counts"));
            assertTrue(counts.contains("RETRIEVED\n3"), counts);
            browser.screenshot("cohort-done");
            String cohortPage = browser.path();

            browser.driver().manage().deleteAllCookies();
            browser.signIn(TestUser.RESEARCHER);
            browser.awaitUrlContaining("/admin");
            browser.go(cohortPage);
            assertTrue(browser.await(By.id("studies-admin-only")).isDisplayed());
            assertTrue(browser.driver().findElements(By.id("studies")).isEmpty(), "no clinical UIDs for researchers");
        }
    }

    @Test
    void anUnknownMoveDestinationAndAPacsGoneAwayEndFailedAndARetryAndCGetPullTheStudies() throws Exception {
        int clinicalPort = FreePorts.next();
        Map<String, String> more = new HashMap<>();
        more.put("synthgate.sources.misnamed.ae-title", OrthancProcess.CLINICAL_AE_TITLE);
        more.put("synthgate.sources.misnamed.host", "127.0.0.1");
        more.put("synthgate.sources.misnamed.port", Integer.toString(clinicalPort));
        more.put("synthgate.sources.misnamed.move-destination", "NOWHERE");
        more.put("synthgate.sources.by-get.ae-title", OrthancProcess.CLINICAL_AE_TITLE);
        more.put("synthgate.sources.by-get.host", "127.0.0.1");
        more.put("synthgate.sources.by-get.port", Integer.toString(clinicalPort));
        more.put("synthgate.sources.by-get.retrieve", "get");
        // A PACS that takes the connection and then says nothing, as a hung one does.
        ServerSocket silentPacs = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        more.put("synthgate.sources.silent.ae-title", "HUNG_PACS");
        more.put("synthgate.sources.silent.host", "127.0.0.1");
        more.put("synthgate.sources.silent.port", Integer.toString(silentPacs.getLocalPort()));
        more.put("synthgate.sources.silent.response-timeout", "2s");
        try (silentPacs; OrthancProcess research = OrthancProcess.start(folder.resolve("research"));
                GatewayProcess gateway = gateway(research, clinicalPort, more)) {
            OrthancProcess clinical = clinicalPacs(clinicalPort, gateway);
            try {
                gateway.start();
                JsonNode unknown = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                        {"source": "misnamed", "accessionNumbers": ["A1009"]}"""));
                assertEquals("FAILED", unknown.path("state").asText(), unknown.toString());
                JsonNode study = unknown.path("studyList").get(0);
                assertEquals("FAILED", study.path("state").asText(), study.toString());
                // Orthanc answers an unknown destination with 0xC000 (unable to process), not 0xA801.
                assertEquals("0xC000", study.path("status").asText(), study.toString());
                assertTrue(study.path("reason").asText().startsWith("C-MOVE to NOWHERE: status 0xC000"),
                        study.toString());

                JsonNode hung = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                        {"source": "silent", "query": {"Modality": "CR"}}"""));
                assertEquals("FAILED", hung.path("state").asText(), hung.toString());
                assertTrue(hung.path("reason").asText().endsWith("did not accept the association: nothing went"
                        + " to or from the PACS for 2 s"), hung.toString());

                JsonNode brokenMr = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                        {"source": "clinical", "accessionNumbers": ["A1013"]}"""));
                assertEquals("FAILED", brokenMr.path("state").asText(), brokenMr.toString());
                JsonNode refused = brokenMr.path("studyList").get(0);
                // Orthanc ends a C-MOVE whose C-STORE is refused with 0xC000, not 0xB000 and a failed list.
                assertEquals("0xC000", refused.path("status").asText(), refused.toString());
                assertTrue(refused.path("reason").asText().startsWith("C-MOVE to SYNTHGATE: status 0xC000"),
                        refused.toString());

                JsonNode byGet = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                        {"source": "by-get", "accessionNumbers": ["A1011"]}"""));
                assertEquals("DONE", byGet.path("state").asText(), byGet.toString());
                assertEquals(Set.of("A1011"), accessions(byGet, "RETRIEVED"));
                awaitJobs(gateway, byGet, "EXPORTED", 1);

                JsonNode matched = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                        {"source": "clinical", "query": {"Modality": "CT", "StudyDate": "20240101-"}, "dryRun": true}
                        """));
                assertEquals(Set.of("A1009", "A1010", "A1012"), accessions(matched, "MATCHED"));
                clinical.close();
                String id = matched.path("id").asText();
                post(gateway, "/api/cohorts/" + id + "/retrieve", 202);
                JsonNode gone = awaitEnd(gateway, id);
                assertEquals("FAILED", gone.path("state").asText(), gone.toString());
                assertEquals(3, gone.path("studies").path("FAILED").asInt(), gone.toString());
                assertTrue(gone.path("studyList").get(0).path("reason").asText().contains("cannot connect"),
                        gone.toString());

                clinical = clinicalPacs(clinicalPort, gateway);
                post(gateway, "/api/cohorts/" + id + "/retry", 202);
                JsonNode retried = awaitEnd(gateway, id);
                assertEquals("DONE", retried.path("state").asText(), retried.toString());
                assertEquals(Set.of("A1009", "A1010", "A1012"), accessions(retried, "RETRIEVED"));
                awaitJobs(gateway, retried, "EXPORTED", 3);
                assertEquals(4, research.get("/instances").size(), "the C-GET's study and the three CTs");
            } finally {
                clinical.close();
            }
        }
    }

    /**
     * A clinical PACS killed while it sends ends the cohort FAILED, and once it is back a retry brings what
     * is missing; a gateway killed while it retrieves takes the cohort up again when it starts, retrieving
     * the study it was cut off in again and completing it only then. Every study ends whole, each instance
     * recorded once, in one job (two for the study the PACS was cut off in: what had arrived, then the rest).
     */
    @Test
    void aPacsAndAGatewayEachKilledMidRetrieveLeaveEveryStudyWholeAfterARetryOrARestart() throws Exception {
        int clinicalPort = FreePorts.next();
        int studies = 6;
        int instances = 20;
        Path home = folder.resolve("big");
        try (OrthancProcess research = OrthancProcess.start(folder.resolve("research"));
                GatewayProcess gateway = gateway(research, clinicalPort, Map.of(
                        "synthgate.sources.clinical.max-associations", "1",
                        // No experiment takes the studies: what is checked is how they arrive and complete.
                        "synthgate.experiments.inpaint.enabled", "false"))) {
            OrthancProcess clinical = OrthancProcess.startClinical(home, clinicalPort, gateway.dicomPort());
            try {
                List<String> accessions = new ArrayList<>();
                for (int s = 1; s <= studies; s++) {
                    String study = "2.25.9200" + s;
                    accessions.add("B100" + s);
                    for (int i = 1; i <= instances; i++) {
                        clinical.upload(DicomCopies.asClinicalInstance(
                                TestFiles.shared("fo-dicom/CT-MONO2-16-ankle.dcm"), study, study + ".1." + i,
                                "B100" + s, "2025010" + s, null, folder.resolve("big-load").resolve(s + "-" + i + ".dcm")));
                    }
                }
                gateway.start();
                String id = open(gateway, TestUser.ADMIN, "{\"source\": \"clinical\", \"accessionNumbers\": "
                        + accessions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]")) + "}");

                awaitRetrieved(gateway, id, 1);
                clinical.kill();
                JsonNode failed = awaitEnd(gateway, id);
                assertEquals("FAILED", failed.path("state").asText(), failed.toString());
                int retrievedBefore = failed.path("studies").path("RETRIEVED").asInt();
                assertTrue(retrievedBefore < studies, "the PACS went away before the end: " + failed);
                Set<String> cutByPacs = new TreeSet<>();
                for (JsonNode study : failed.path("studyList")) {
                    String reason = study.path("reason").asText();
                    if (study.path("state").asText().equals("FAILED")) {
                        // The kill lands wherever the retrieve is: mid-transfer, between studies, or between
                        // the connection and the association's acceptance.
                        assertTrue(reason.contains("broke off") || reason.contains("cannot connect")
                                || reason.contains("did not accept the association"), study.toString());
                        if (reason.contains("broke off")) {
                            cutByPacs.add(study.path("studyInstanceUid").asText());
                        }
                    }
                }

                clinical = OrthancProcess.startClinical(home, clinicalPort, gateway.dicomPort());
                post(gateway, "/api/cohorts/" + id + "/retry", 202);
                JsonNode cut = awaitRetrieved(gateway, id, retrievedBefore + 1);
                gateway.kill();
                assertEquals("RETRIEVING", cut.path("state").asText(), "killed while retrieving: " + cut);
                assertTrue(cut.path("studies").path("RETRIEVED").asInt() < studies, "killed before the end: " + cut);

                gateway.start();
                JsonNode resumed = awaitEnd(gateway, id);
                assertEquals("DONE", resumed.path("state").asText(), resumed.toString());
                assertEquals(studies, resumed.path("studies").path("RETRIEVED").asInt(), resumed.toString());
                assertTrue(gateway.log().contains("Cohort " + id + ": taken up again after a restart"));
                for (int s = 1; s <= studies; s++) {
                    String uid = "2.25.9200" + s;
                    JsonNode study = gateway.getJson("/api/studies/" + uid);
                    assertEquals(instances, study.path("instances").size(), "each instance recorded once: " + study);
                    int recorded = 0;
                    for (JsonNode job : study.path("jobs")) {
                        recorded += job.path("instanceCount").asInt();
                    }
                    assertEquals(instances, recorded, "each instance in one job: " + study.path("jobs"));
                    assertTrue(study.path("jobs").size() <= (cutByPacs.contains(uid) ? 2 : 1),
                            "one job for the whole study " + uid + ": " + study.path("jobs"));
                }
            } finally {
                clinical.close();
            }
        }
    }

    /**
     * A clinical PACS that speaks only DICOM over TLS and asks for a client certificate: a source with
     * {@code tls=true} queries and retrieves (C-GET) through SynthGate's TLS client; one without cannot.
     */
    @Test
    void aSourceWithTlsIsQueriedAndRetrievedOverTlsAndOneWithoutIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.make(folder.resolve("pki"));
        int clinicalPort = FreePorts.next();
        Map<String, String> more = new HashMap<>();
        more.put("synthgate.sources.clinical.tls", "true");
        more.put("synthgate.sources.clinical.retrieve", "get");
        more.put("synthgate.sources.plain.ae-title", OrthancProcess.CLINICAL_AE_TITLE);
        more.put("synthgate.sources.plain.host", "127.0.0.1");
        more.put("synthgate.sources.plain.port", Integer.toString(clinicalPort));
        more.put("synthgate.sources.plain.timeout", "5s");
        more.put("synthgate.export.tls.trust-store", certificates.trustStore().toString());
        more.put("synthgate.export.tls.key-store", certificates.clientKeyStore().toString());
        try (OrthancProcess research = OrthancProcess.start(folder.resolve("research"));
                GatewayProcess gateway = gateway(research, clinicalPort, more)
                        .withEnvironment("SYNTHGATE_EXPORT_TLS_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD)
                        .withEnvironment("SYNTHGATE_EXPORT_TLS_KEY_STORE_PASSWORD", TestCertificates.PASSWORD);
                OrthancProcess clinical = OrthancProcess.startClinicalWithTls(folder.resolve("clinical-tls"),
                        clinicalPort, gateway.dicomPort(), certificates)) {
            clinical.upload(DicomCopies.asClinicalStudy(TestFiles.pydicom("CT_small.dcm"), "2.25.93001", "C1001",
                    "20240601", null, folder.resolve("tls-load.dcm")));
            gateway.start();

            JsonNode overTls = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "clinical", "accessionNumbers": ["C1001"], "experiments": ["inpaint"]}"""));
            assertEquals("DONE", overTls.path("state").asText(), overTls.toString());
            assertEquals(Set.of("C1001"), accessions(overTls, "RETRIEVED"));
            awaitJobs(gateway, overTls, "EXPORTED", 1);
            assertEquals(1, research.get("/instances").size());

            JsonNode plain = awaitEnd(gateway, open(gateway, TestUser.ADMIN, """
                    {"source": "plain", "accessionNumbers": ["C1001"]}"""));
            assertEquals("FAILED", plain.path("state").asText(), plain.toString());
            assertTrue(plain.path("reason").asText().startsWith("source 'plain' (CLINICAL_PACS at 127.0.0.1:"
                    + clinicalPort + ") did not accept the association"), plain.toString());
        }
    }

    private GatewayProcess gateway(OrthancProcess research, int clinicalPort, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(more);
        properties.put("synthgate.sources.clinical.ae-title", OrthancProcess.CLINICAL_AE_TITLE);
        properties.put("synthgate.sources.clinical.host", "127.0.0.1");
        properties.put("synthgate.sources.clinical.port", Integer.toString(clinicalPort));
        // No caller on this host but the test's own storescu: the clinical PACS gets in as a source.
        properties.put("synthgate.dicom.allowed-callers", "STORESCU@127.0.0.1");
        return GatewayProcess.forResearchPacs(folder.resolve("gateway"), research, properties);
    }

    /** The clinical PACS with its dozen studies, loaded once; started again it keeps them. */
    private OrthancProcess clinicalPacs(int port, GatewayProcess gateway) throws Exception {
        Path home = folder.resolve("clinical");
        boolean loaded = home.resolve("orthanc-storage").toFile().isDirectory();
        OrthancProcess clinical = OrthancProcess.startClinical(home, port, gateway.dicomPort());
        if (!loaded) {
            for (int i = 1; i <= STUDIES; i++) {
                boolean ct = i > 8;
                Path template = ct ? TestFiles.pydicom("CT_small.dcm") : TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm");
                String date = (i >= 6 && i <= 8 ? "2023" : "2024") + String.format("%02d15", i);
                clinical.upload(DicomCopies.asClinicalStudy(template, "2.25.9100" + (1000 + i), "A" + (1000 + i), date,
                        ct ? null : i <= 2 ? "KNEE" : "CHEST", home.resolve("load").resolve(i + ".dcm")));
            }
            clinical.upload(DicomCopies.withRows(DicomCopies.asClinicalStudy(TestFiles.pydicom("MR_small.dcm"),
                    "2.25.91001013", "A1013", "20220115", null, home.resolve("load").resolve("13.dcm")), 128));
        }
        return clinical;
    }

    private static HttpResponse<String> send(GatewayProcess gateway, String path, String body) {
        return TestHttp.send(gateway.request(path, TestUser.ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(GatewayProcess gateway, String path, int status) {
        HttpResponse<String> response = send(gateway, path, "");
        assertEquals(status, response.statusCode(), response.body());
        return TestHttp.json(response.body());
    }

    /** The cohort once {@code count} of its jobs are in {@code state}. */
    private static JsonNode awaitJobs(GatewayProcess gateway, JsonNode cohort, String state, int count)
            throws InterruptedException {
        String id = cohort.path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode current = gateway.getJson("/api/cohorts/" + id);
        while (current.path("jobs").path(state).asInt() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Fewer than " + count + " jobs " + state + " after 2 minutes: " + current);
            }
            Thread.sleep(500);
            current = gateway.getJson("/api/cohorts/" + id);
        }
        return current;
    }

    /** The accession numbers of the cohort's studies in {@code state}. */
    private static Set<String> accessions(JsonNode cohort, String state) {
        Set<String> found = new TreeSet<>();
        for (JsonNode study : cohort.path("studyList")) {
            if (study.path("state").asText().equals(state)) {
                found.add(study.path("accessionNumber").asText());
            }
        }
        return found;
    }
}
