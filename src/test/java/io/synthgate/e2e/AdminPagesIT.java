package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin and researcher pages in a real browser. An admin finds a job that failed while the
 * research PACS was down (the gateway set to wait for no outage, {@code synthgate.export.outage-limit=0s})
 * on the dashboard and the jobs page, and once the PACS is back retries it from
 * the job's page until its object is in the PACS; a researcher starts a text-to-image run from the
 * form and watches it finish. Every page is photographed at laptop size on the way.
 */
class AdminPagesIT {

    private static final String STUDY = "2.25.990011223344556677";
    private static final String GENERATIONS = "/v1/images/generations";

    @Test
    void anAdminRetriesAFailedJobFromItsPageAndAResearcherRunsTextToImageFromTheForm() throws Exception {
        Path folder = Files.createTempDirectory("admin-pages");
        Path knee = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), STUDY, STUDY + ".1",
                folder.resolve("chest.dcm"));
        WireMockServer openAi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        openAi.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(2, 256, 256, 90))));
        int pacsPort = FreePorts.next();
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                        "synthgate.pipeline.export-retries", "0",
                        "synthgate.export.outage-limit", "0s",
                        "synthgate.study.idle-timeout", "1h",
                        "synthgate.generator.openai.type", "openai",
                        "synthgate.generator.openai.base-url", "http://127.0.0.1:" + openAi.port() + "/v1",
                        "synthgate.generator.openai.model", "gpt-image-2",
                        // An on-premises model server that is not running: the dashboard says why it is DOWN.
                        "synthgate.generator.onprem.type", "kserve",
                        "synthgate.generator.onprem.base-url", "http://127.0.0.1:" + FreePorts.next(),
                        "synthgate.generator.onprem.model", "radiograph-inpainter")).start();
                Browser browser = Browser.open(gateway.url(""))) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(knee));
            assertEquals(0, sent.exitCode(), sent.output());

            browser.signIn(TestUser.ADMIN);
            browser.awaitUrlContaining("/admin/dashboard");
            browser.go("/admin/studies");
            browser.driver().findElement(By.linkText(STUDY)).click();
            browser.screenshot("study");
            browser.driver().findElement(By.id("complete")).click();
            assertTrue(browser.await(By.cssSelector(".flash")).getText().startsWith("Completed"));
            String jobId = awaitFailedJob(browser);
            browser.go("/admin/dashboard");
            browser.await(By.linkText("job"));
            assertEquals("DOWN", browser.text(By.id("destination-research")));
            String problem = browser.text(By.id("destination-research-problem"));
            assertTrue(problem.startsWith("Unreachable for ")
                    && problem.contains(" s: cannot connect to 127.0.0.1:" + pacsPort), problem);
            String generatorProblem = browser.text(By.id("generator-onprem-problem"));
            assertTrue(generatorProblem.startsWith("onprem: GET http://127.0.0.1:")
                    && generatorProblem.endsWith("/v2/health/ready failed: cannot connect"), generatorProblem);
            browser.screenshot("dashboard");
            browser.go("/admin/jobs?state=FAILED");
            browser.screenshot("jobs");
            browser.driver().findElement(By.cssSelector("#jobs a")).click();
            assertTrue(browser.await(By.id("job-reason")).getText().contains("research (ORTHANC@127.0.0.1:" + pacsPort + ", research) is unreachable"));
            browser.screenshot("job-failed");

            try (OrthancProcess orthanc = OrthancProcess.start(folder.resolve("pacs"), pacsPort)) {
                browser.driver().findElement(By.id("retry")).click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
                    driver.navigate().refresh();
                    return driver.findElement(By.id("job-state")).getText().equals("EXPORTED");
                });
                assertEquals(1, orthanc.get("/instances").size(), "the retried job's object is in the PACS");
                String timeline = browser.text(By.cssSelector(".timeline"));
                assertTrue(timeline.contains("completed on request by " + TestUser.ADMIN.username())
                        && timeline.contains("retry requested by " + TestUser.ADMIN.username()),
                        "the timeline says who completed the study and who retried the job: " + timeline);
                browser.screenshot("job-exported");
                researcherRunsTextToImage(browser, jobId);
            }
        } finally {
            openAi.stop();
        }
    }

    /** A researcher's text-to-image run from the form; then the audit and reports as the admin sees them. */
    private static void researcherRunsTextToImage(Browser browser, String jobId) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestUser.RESEARCHER);
        browser.awaitUrlContaining("/admin/runs");
        assertTrue(browser.driver().findElements(By.linkText("Dashboard")).isEmpty(), "no dashboard for researchers");
        browser.driver().findElement(By.id("bodyParts")).sendKeys("chest, knee");
        browser.driver().findElement(By.id("candidates")).clear();
        browser.driver().findElement(By.id("candidates")).sendKeys("2");
        new Select(browser.driver().findElement(By.id("generator"))).selectByVisibleText("openai");
        browser.screenshot("runs");
        browser.driver().findElement(By.id("start-run")).click();
        browser.await(By.id("run-state"));
        browser.awaitText(By.id("run-state"), "finished", Duration.ofSeconds(90));
        assertTrue(browser.text(By.id("run-state")).contains("2 of 2 prompts exported"));
        assertTrue(browser.driver().getPageSource().contains("by <strong>" + TestUser.RESEARCHER.username() + "</strong>"),
                "the run names who started it");
        browser.screenshot("run");
        browser.driver().findElement(By.id("run-report")).click();
        assertTrue(browser.driver().getPageSource().contains("Every image in this report is SYNTHETIC"));
        assertTrue(browser.driver().getPageSource().contains("How the figures are measured"));
        var figure = browser.driver().findElement(By.cssSelector("img[alt*='page 1']"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", figure);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 1000", figure));
        browser.screenshot("run-report");
        browser.go("/admin/jobs/" + jobId);
        assertTrue(browser.driver().findElements(By.id("retry")).isEmpty(), "researchers read jobs, never retry them");

        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestUser.ADMIN);
        browser.go("/admin/generator-calls?generator=openai");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#calls .state-OK")).size(), "one call per prompt");
        browser.screenshot("generator-calls");
        browser.go("/admin/reports");
        browser.screenshot("reports");
    }

    /** Waits on the study's page until its job has failed (nothing listens where the PACS should), and returns the job. */
    private static String awaitFailedJob(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            driver.navigate().refresh();
            var failed = driver.findElements(By.cssSelector(".state-FAILED"));
            if (failed.isEmpty()) {
                return null;
            }
            String href = driver.findElement(By.cssSelector("a[href^='/admin/jobs/']")).getDomAttribute("href");
            return href.substring(href.lastIndexOf('/') + 1);
        });
    }
}
