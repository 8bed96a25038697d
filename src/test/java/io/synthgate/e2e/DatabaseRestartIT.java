package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.http.Problem;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.PostgresqlServer;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production database restarts (maintenance, a failover) while a study is being processed and
 * another arrives. The gateway goes on acknowledging C-STOREs into its spool, answers its API with 503
 * and a Retry-After, shows on its dashboard that the database is down, says once that the database
 * does not answer instead of logging a stack trace from every scheduled task, and when the database
 * is back records what arrived, finishes the job that was running and exports every output once. Runs
 * on the PostgreSQL build with a server of its own, which it stops and starts, whichever database the
 * rest of the suite uses, so failsafe runs it once, in its {@code postgresql} execution.
 */
class DatabaseRestartIT {

    private static final Pattern SCHEDULED_TASK_FAILED = Pattern.compile("Error occurred while executing task");

    @TempDir
    Path folder;

    @Test
    void aDatabaseRestartIsWaitedOutWithEverythingReceivedRecordedAndExportedOnce() throws Exception {
        PostgresqlServer database = PostgresqlServer.startOwn();
        Path chest = TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm");
        Path ct = TestFiles.pydicom("CT_small.dcm");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of())
                        .onPostgresqlDatabase(database.databaseFor(folder.resolve("gateway"))).start();
                Browser browser = Browser.open(gateway.url(""))) {
            browser.signIn(TestUser.ADMIN);
            browser.awaitUrlContaining("/admin/dashboard");
            assertEquals(0, send(gateway, chest).exitCode());
            StudyProgress.awaitJob(gateway, DicomCopies.studyInstanceUid(chest), "PROCESSING", Duration.ofSeconds(30));

            database.shutDown();
            ProcessRun whileDown = send(gateway, ct);
            assertEquals(0, whileDown.exitCode(), "acknowledged into the spool: " + whileDown.output());
            HttpResponse<String> studies = gateway.get("/api/studies");
            assertEquals(503, studies.statusCode(), studies.body());
            assertEquals(Problem.MEDIA_TYPE, studies.headers().firstValue("Content-Type").orElse(""));
            assertEquals("5", studies.headers().firstValue("Retry-After").orElse(""));
            HttpResponse<String> ready = gateway.get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            // the dashboard still shows what needs no database, and says why the rest is missing
            browser.go("/admin/dashboard");
            assertTrue(browser.text(By.id("database-down")).startsWith("The database does not answer."));
            browser.screenshot("dashboard-database-down");
            // the study checks and job sweeps run every second here: six rounds of each meet the outage
            Thread.sleep(6_000);
            database.startAgain();

            for (Path sent : List.of(chest, ct)) {
                Map<String, String> outputs = StudyProgress.awaitExported(gateway, DicomCopies.studyInstanceUid(sent), 1,
                        Duration.ofSeconds(90));
                assertEquals(1, outputs.size(), sent + ": " + outputs);
                for (String synthetic : outputs.values()) {
                    assertTrue(orthanc.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                }
            }
            assertEquals(2, orthanc.get("/instances").size(), "each output exported once");
            assertEquals(200, gateway.get("/q/health/ready").statusCode());

            String log = gateway.log();
            assertEquals(1, occurrences(log, "The database does not answer"), "said once");
            assertEquals(1, occurrences(log, "The database answers again after"), "said once");
            // A task already running when the server stopped may fail once; the skipped ones do not fail at all.
            long failedTasks = SCHEDULED_TASK_FAILED.matcher(log).results().count();
            assertTrue(failedTasks <= 1, failedTasks + " scheduled tasks failed on the outage:\n" + log);
        } finally {
            database.remove();
        }
    }

    private static ProcessRun send(GatewayProcess gateway, Path file) {
        return ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(), List.of(file));
    }

    private static long occurrences(String log, String phrase) {
        return Pattern.compile(Pattern.quote(phrase)).matcher(log).results().count();
    }
}
