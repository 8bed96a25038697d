package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A radiologist works through the review worklist in a real browser, from the keyboard only: signs
 * in, sees the source with its mask outlined beside both candidates of a chest radiograph, grades and
 * approves the first, rejects the second with a comment, goes on to the next image and approves both
 * of its candidates, and finds the worklist empty. Only approved candidates reach the research PACS,
 * and the verdicts carry her user name.
 */
class ReviewWorklistIT {

    private static final String STUDY = "2.25.880011223344556677";

    @Test
    void aReviewerWorksThroughTwoImagesFromTheKeyboardAndOnlyApprovedCandidatesAreExported() throws Exception {
        Path folder = Files.createTempDirectory("review-worklist");
        Path chest = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), STUDY, STUDY + ".1",
                folder.resolve("chest.dcm"));
        Path secondChest = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), STUDY, STUDY + ".2",
                folder.resolve("chest-2.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.review", "required",
                                "synthgate.experiments.inpaint.candidates", "2",
                                "synthgate.admin.viewer-url", "http://pacs.example/viewer?study={studyInstanceUid}")).start();
                Browser browser = Browser.open(gateway.url(""))) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(chest, secondChest));
            assertEquals(0, sent.exitCode(), sent.output());
            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 4);

            browser.signIn("wrong", "password");
            assertTrue(browser.await(By.cssSelector(".error")).getText().contains("do not match"));
            browser.screenshot("sign-in");
            browser.signIn(TestUser.REVIEWER);
            browser.awaitUrlContaining("/admin/review");
            browser.await(By.id("verdict"));
            assertEquals(1, browser.driver().findElements(By.id("panel-source")).size(), "the source is shown");
            assertEquals(2, browser.driver().findElements(By.cssSelector(".panel[data-candidate]")).size(),
                    "both candidates of the image side by side");
            String first = current(browser);
            String second = other(browser);
            assertEquals(pending.get(0).path("sopInstanceUid").asText(), first, "the oldest candidate comes first");
            assertTrue(browser.driver().findElements(By.cssSelector("#windows a")).size() >= 1, "window presets to switch");
            String viewerLink = browser.driver().findElement(By.linkText("Synthetic study in the viewer")).getDomAttribute("href");
            assertTrue(viewerLink.startsWith("http://pacs.example/viewer?study=2.25.") && !viewerLink.contains(STUDY),
                    "the link opens the synthetic study, never the clinical one: " + viewerLink);
            browser.screenshot("review");

            decide(browser, "4", "a");
            assertEquals(second, current(browser), "the next candidate of the same image follows");
            decide(browser, "2", "c", "edge of the mask visible", Keys.ESCAPE, "r");
            String third = current(browser);
            String fourth = other(browser);
            assertTrue(!List.of(first, second).contains(third), "then the next image");
            decide(browser, "5", "a");
            assertEquals(fourth, current(browser));
            decide(browser, "a");
            browser.await(By.id("worklist-empty"));
            assertTrue(browser.driver().findElement(By.id("done")).getText().contains("APPROVED"));

            StudyProgress.awaitExported(gateway, STUDY, 2, Duration.ofSeconds(60));
            for (String approved : List.of(first, third, fourth)) {
                assertTrue(orthanc.findInstance(approved).isPresent(), "approved candidates are exported");
            }
            assertTrue(orthanc.findInstance(second).isEmpty(), "the rejected candidate never leaves");
            assertEquals(3, orthanc.get("/instances").size());
            JsonNode decisions = gateway.getJson("/api/reviews/decisions?jobId=" + pending.get(0).path("jobId").asText());
            assertEquals(4, decisions.size());
            assertEquals(List.of("APPROVED", "REJECTED"), List.of(decisions.get(0).path("decision").asText(),
                    decisions.get(1).path("decision").asText()));
            assertEquals(TestUser.REVIEWER.username(), decisions.get(0).path("reviewer").asText());
            assertEquals(4, decisions.get(0).path("grade").asInt());
            assertEquals(2, decisions.get(1).path("grade").asInt());
            assertEquals("edge of the mask visible", decisions.get(1).path("comment").asText());
        }
    }

    /** The other candidate of the image on the page (two are made per image here). */
    private static String other(Browser browser) {
        return browser.driver().findElement(By.cssSelector(".panel[data-candidate]:not(.current)")).getDomAttribute("data-candidate");
    }

    /** Types a verdict's keys and waits until the page that took it has been replaced by the next. */
    private static void decide(Browser browser, CharSequence... keys) {
        WebElement form = browser.driver().findElement(By.id("verdict"));
        browser.press(keys);
        browser.awaitGone(form);
        browser.await(By.id("done"));
    }

    /** The candidate the verdict form decides now. */
    private static String current(Browser browser) {
        return browser.driver().findElement(By.cssSelector(".panel.current")).getDomAttribute("data-candidate");
    }
}
