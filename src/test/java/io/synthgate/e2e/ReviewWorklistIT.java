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

/**
 * A radiologist works through the review worklist in a real browser, from the keyboard only: signs
 * in, sees the source with its mask outlined beside both candidates of a chest radiograph, grades and
 * approves the first, rejects the second, and finds the worklist empty. Only the approved candidate
 * reaches the research PACS, and the verdicts carry her user name.
 */
class ReviewWorklistIT {

    private static final String STUDY = "2.25.880011223344556677";

    @Test
    void aReviewerApprovesOneCandidateAndRejectsTheOtherFromTheKeyboardAndOnlyTheApprovedOneIsExported() throws Exception {
        Path folder = Files.createTempDirectory("review-worklist");
        Path chest = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), STUDY, STUDY + ".1",
                folder.resolve("chest.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.review", "required",
                                "synthgate.experiments.inpaint.candidates", "2",
                                "synthgate.admin.viewer-url", "http://pacs.example/viewer?study={studyInstanceUid}")).start();
                Browser browser = Browser.open(gateway.url(""))) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(chest));
            assertEquals(0, sent.exitCode(), sent.output());
            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 2);
            String first = pending.get(0).path("sopInstanceUid").asText();
            String second = pending.get(1).path("sopInstanceUid").asText();

            browser.signIn("wrong", "password");
            assertTrue(browser.await(By.cssSelector(".error")).getText().contains("do not match"));
            browser.screenshot("sign-in");
            browser.signIn(TestUser.REVIEWER);
            browser.awaitUrlContaining("/admin/review");
            browser.await(By.id("verdict"));
            assertEquals(1, browser.driver().findElements(By.id("panel-source")).size(), "the source is shown");
            assertEquals(2, browser.driver().findElements(By.cssSelector(".panel[data-candidate]")).size(),
                    "both candidates of the image side by side");
            assertEquals(first, browser.driver().findElement(By.cssSelector(".panel.current")).getDomAttribute("data-candidate"));
            assertTrue(browser.driver().findElements(By.cssSelector("#windows a")).size() >= 1, "window presets to switch");
            String viewerLink = browser.driver().findElement(By.linkText("Synthetic study in the viewer")).getDomAttribute("href");
            assertTrue(viewerLink.startsWith("http://pacs.example/viewer?study=2.25.") && !viewerLink.contains(STUDY),
                    "the link opens the synthetic study, never the clinical one: " + viewerLink);
            browser.screenshot("review");

            browser.press("4").press("a");
            browser.await(By.id("done"));
            assertEquals(second, browser.driver().findElement(By.cssSelector(".panel.current")).getDomAttribute("data-candidate"),
                    "the next candidate of the same image follows");
            browser.press("2").press("c").press("edge of the mask visible").press(org.openqa.selenium.Keys.ESCAPE).press("r");
            browser.await(By.id("worklist-empty"));
            assertTrue(browser.driver().findElement(By.id("done")).getText().contains("REJECTED"));

            Map<String, String> exported = StudyProgress.awaitExported(gateway, STUDY, 1, Duration.ofSeconds(60));
            assertEquals(List.of(first), List.copyOf(exported.values()), "only the approved candidate is exported");
            assertTrue(orthanc.findInstance(first).isPresent());
            assertTrue(orthanc.findInstance(second).isEmpty(), "the rejected candidate never leaves");
            JsonNode decisions = gateway.getJson("/api/reviews/decisions?jobId=" + pending.get(0).path("jobId").asText());
            assertEquals(List.of("APPROVED", "REJECTED"), List.of(decisions.get(0).path("decision").asText(),
                    decisions.get(1).path("decision").asText()));
            assertEquals(TestUser.REVIEWER.username(), decisions.get(0).path("reviewer").asText());
            assertEquals(4, decisions.get(0).path("grade").asInt());
            assertEquals(2, decisions.get(1).path("grade").asInt());
            assertEquals("edge of the mask visible", decisions.get(1).path("comment").asText());
        }
    }
}
