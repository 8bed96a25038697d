package io.synthgate.e2e;

import static io.synthgate.testing.LiverStudy.LIVER_PIXELS;
import static io.synthgate.testing.LiverStudy.OTHER_SLICE;
import static io.synthgate.testing.LiverStudy.SEGMENTATION;
import static io.synthgate.testing.LiverStudy.SEGMENTED_SLICE;
import static io.synthgate.testing.LiverStudy.STUDY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.Browser;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.LiverStudy;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The paper's masks drawn by hand: with mask {@code expert}, a study of two CT slices waits in
 * AWAITING_MASK. A researcher uploads a real liver segmentation (pydicom's {@code liver_1frame.dcm})
 * for the slice it references, which the other slice refuses; draws on the other slice in the browser,
 * then replaces that with a second version over the API; and sends the job on. Each output's recorded
 * mask is exactly the latest version of its image's mask, the job's history and the report name the
 * versions, and nothing can be drawn once the job has gone on.
 */
class ExpertMaskIT {

    /** The second version of the other slice's mask: 25 x 12 pixels from (30, 40). */
    private static final String SECOND_VERSION = "rectangle 30 40 25 12";

    @TempDir
    Path folder;

    @Test
    void eachImageIsRegeneratedInTheLatestVersionOfTheMaskAResearcherGaveIt() throws Exception {
        Path segmented = LiverStudy.segmentedSlice(folder);
        Path other = LiverStudy.otherSlice(folder);
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.mask", "expert")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(segmented, other));
            assertEquals(0, sent.exitCode(), sent.output());
            String jobId = StudyProgress.awaitJob(gateway, STUDY, "AWAITING_MASK", Duration.ofSeconds(90)).path("id")
                    .asText();
            String masks = "/api/jobs/" + jobId + "/masks";
            JsonNode waiting = json(call(gateway, TestUser.RESEARCHER, "GET", masks, null, null));
            assertEquals(2, waiting.path("images").size(), waiting.toString());
            assertFalse(waiting.toString().contains(SEGMENTED_SLICE) || waiting.toString().contains(OTHER_SLICE),
                    "the pages know the images by their de-identified UIDs only: " + waiting);
            HttpResponse<String> early = call(gateway, TestUser.RESEARCHER, "POST", masks + "/submit", null, null);
            assertEquals(409, early.statusCode(), early.body());
            assertTrue(early.body().contains("has no mask yet"), early.body());

            // The segmentation references the segmented slice's clinical UID: that image takes it, the other refuses it.
            List<Integer> refused = new ArrayList<>();
            int segmentedImage = 0;
            for (int image = 1; image <= 2; image++) {
                HttpResponse<String> upload = call(gateway, TestUser.RESEARCHER, "POST", masks + "/" + image
                        + "/versions?segment=liver&name=liver_1frame.dcm", "application/dicom",
                        Files.readAllBytes(SEGMENTATION));
                if (upload.statusCode() == 201) {
                    segmentedImage = image;
                    assertEquals(LIVER_PIXELS, json(upload).path("area").asInt(), upload.body());
                    assertEquals("SEGMENTATION", json(upload).path("origin").asText());
                } else {
                    assertEquals(400, upload.statusCode(), upload.body());
                    assertTrue(upload.body().contains("draws nothing on image " + image), upload.body());
                    refused.add(image);
                }
            }
            assertEquals(1, refused.size(), "one slice takes the segmentation, the other refuses it");
            int otherImage = refused.get(0);

            drawOnTheOtherSliceInTheBrowser(gateway, jobId, otherImage);
            JsonNode drawn = json(call(gateway, TestUser.RESEARCHER, "GET", masks + "/" + otherImage, null, null));
            assertEquals(1, drawn.path("versions").size(), drawn.toString());
            assertEquals("DRAWN", drawn.path("versions").get(0).path("origin").asText());
            assertEquals(TestUser.RESEARCHER.username(), drawn.path("versions").get(0).path("drawnBy").asText());
            assertTrue(drawn.path("versions").get(0).path("area").asInt() > 1000, drawn.toString());

            String versions = masks + "/" + otherImage + "/versions";
            HttpResponse<String> notAShape = call(gateway, TestUser.RESEARCHER, "POST", versions, "application/json", "{\"shapes\": \"segment 1\"}".getBytes());
            assertEquals(400, notAShape.statusCode(), notAShape.body());
            HttpResponse<String> outside = call(gateway, TestUser.RESEARCHER, "POST", versions, "application/json", "{\"shapes\": \"rectangle 600 600 5 5\"}".getBytes());
            assertEquals(400, outside.statusCode(), outside.body());
            HttpResponse<String> second = call(gateway, TestUser.ADMIN, "POST", versions, "application/json", ("{\"shapes\": \"" + SECOND_VERSION + "\"}").getBytes());
            assertEquals(201, second.statusCode(), second.body());
            assertEquals(2, json(second).path("version").asInt());
            assertEquals(300, json(second).path("area").asInt());
            assertTrue(second.headers().firstValue("Location").orElseThrow().endsWith("/versions/2"));

            sendOnInTheBrowser(gateway, jobId, otherImage);
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, STUDY, 2, Duration.ofSeconds(120));
            assertEquals(2, outputs.size(), outputs.toString());

            BitSet liver = LiverStudy.maskOverlay(exported(orthanc, outputs.get(SEGMENTED_SLICE), "segmented"));
            assertEquals(LIVER_PIXELS, liver.cardinality(), "the recorded mask is the liver");
            Path otherOutput = exported(orthanc, outputs.get(OTHER_SLICE), "other");
            BitSet rectangle = LiverStudy.maskOverlay(otherOutput);
            assertEquals(300, rectangle.cardinality(), "the second version, not the drawn first");
            assertTrue(rectangle.get(40 * 512 + 30) && rectangle.get(51 * 512 + 54), "its corners");
            assertFalse(rectangle.get(52 * 512 + 54) || rectangle.get(40 * 512 + 55), "and nothing past them");
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(otherOutput));

            JsonNode job = gateway.getJson("/api/jobs/" + jobId);
            String events = job.path("events").toString();
            assertTrue(events.contains("2 of 2 images await a mask drawn by a researcher"), events);
            assertTrue(events.contains("sent on by " + TestUser.RESEARCHER.username()), events);
            assertTrue(events.contains("image " + otherImage + " version 2 (" + TestUser.ADMIN.username() + ")")
                    && events.contains("image " + segmentedImage + " version 1"), events);
            assertEquals("expert", job.path("outputs").get(0).path("maskSpec").asText());

            String csv = call(gateway, TestUser.RESEARCHER, "GET", "/api/experiments/inpaint/candidates.csv", null, null)
                    .body();
            assertTrue(csv.contains("expert (version 2 of image " + otherImage + ": drawn: 1 shape, 300 pixels"), csv);
            assertTrue(csv.contains("expert (version 1 of image " + segmentedImage + ": segment 1 (Liver) of uploaded"
                    + " liver_1frame.dcm"), csv);

            HttpResponse<String> late = call(gateway, TestUser.RESEARCHER, "POST", versions, "application/json",
                    "{\"shapes\": \"rectangle 1 1 5 5\"}".getBytes());
            assertEquals(409, late.statusCode(), late.body());
        }
    }

    /**
     * Signs in as a researcher, finds the job's link to its masks, is told the segmentation draws
     * nothing on the other slice, draws a rectangle and a brush stroke on it, and saves them as its
     * first version.
     */
    private static void drawOnTheOtherSliceInTheBrowser(GatewayProcess gateway, String jobId, int image) {
        try (Browser browser = Browser.open(gateway.url(""))) {
            browser.signIn(TestUser.RESEARCHER);
            browser.awaitUrlContaining("/admin");
            browser.go("/admin/jobs/" + jobId);
            browser.await(By.id("draw-masks")).click();
            browser.awaitUrlContaining("/masks");
            assertTrue(browser.await(By.id("images")).getText().contains("no mask yet"));
            awaitPictures(browser, "img.mask-thumb");
            browser.screenshot("masks");
            browser.go("/admin/jobs/" + jobId + "/masks/" + image);
            browser.await(By.id("upload-file")).sendKeys(SEGMENTATION.toAbsolutePath().toString());
            browser.driver().findElement(By.id("upload-region")).sendKeys("liver");
            browser.driver().findElement(By.id("upload-mask")).click();
            String refused = browser.await(By.id("error")).getText();
            assertTrue(refused.contains("Not saved: uploaded liver_1frame.dcm draws nothing on image " + image), refused);
            WebElement canvas = browser.await(By.id("mask-shapes"));
            WebElement save = browser.await(By.id("save-mask"));
            assertFalse(save.isEnabled(), "nothing drawn, nothing to save");
            // Offsets are from the canvas's centre.
            new Actions(browser.driver()).moveToElement(canvas, -120, -100).clickAndHold().moveByOffset(90, 70)
                    .release().perform();
            browser.press("b");
            new Actions(browser.driver()).moveToElement(canvas, 40, 40).clickAndHold().moveByOffset(60, 10)
                    .moveByOffset(40, 50).release().perform();
            browser.press("e");
            new Actions(browser.driver()).moveToElement(canvas, 100, -150).clickAndHold().moveByOffset(50, 30)
                    .release().perform();
            browser.press("p");
            new Actions(browser.driver()).moveToElement(canvas, -150, 100).click().moveByOffset(60, 0).click()
                    .moveByOffset(-30, 50).click().perform();
            browser.press(Keys.ENTER);
            String shapes = browser.driver().findElement(By.id("shapes")).getAttribute("value");
            assertTrue(shapes.matches("rectangle [^;]+; stroke [^;]+; ellipse [^;]+; polygon( [0-9.]+){6}"), shapes);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'z', ctrlKey: true}))");
            assertFalse(browser.driver().findElement(By.id("shapes")).getAttribute("value").contains("polygon"),
                    "Ctrl+Z undid the polygon");
            browser.driver().findElement(By.id("undo")).click();
            assertFalse(browser.driver().findElement(By.id("shapes")).getAttribute("value").contains("ellipse"),
                    "Undo the ellipse");
            new Actions(browser.driver()).moveToElement(canvas, -150, 100).click().moveByOffset(60, 0).click()
                    .moveByOffset(-30, 50).doubleClick().perform();
            assertTrue(browser.driver().findElement(By.id("shapes")).getAttribute("value").contains("; polygon "),
                    "a double-click closes a polygon too");

            browser.driver().findElement(By.id("window-center")).clear();
            browser.driver().findElement(By.id("window-center")).sendKeys("300");
            browser.driver().findElement(By.id("window-width")).clear();
            browser.driver().findElement(By.id("window-width")).sendKeys("600");
            browser.driver().findElement(By.id("window-apply")).click();
            assertTrue(browser.driver().findElement(By.id("mask-image")).getAttribute("src")
                    .endsWith("image.png?center=300&width=600"));
            assertEquals("custom (300/600)", new Select(browser.driver().findElement(By.id("window-preset")))
                    .getFirstSelectedOption().getText());
            awaitPictures(browser, "#mask-image");
            browser.driver().findElement(By.id("zoom-one")).click();
            browser.driver().findElement(By.id("zoom-in")).click();
            assertEquals("125%", browser.driver().findElement(By.id("zoom-level")).getText());
            browser.driver().findElement(By.id("zoom-fit")).click();
            assertTrue(save.isEnabled());
            browser.screenshot("mask-drawing");
            save.click();
            assertTrue(browser.await(By.id("flash")).getText().contains("Saved version 1 of image " + image),
                    browser.await(By.id("flash")).getText());
            assertTrue(browser.await(By.id("versions")).getText().contains("drawn: 3 shapes"));
        }
    }

    /**
     * Back on the job's masks, both images drawn: the editor opens on the latest version's shapes, and
     * the researcher sends the job on from the page.
     */
    private static void sendOnInTheBrowser(GatewayProcess gateway, String jobId, int otherImage) {
        try (Browser browser = Browser.open(gateway.url(""))) {
            browser.signIn(TestUser.RESEARCHER);
            browser.awaitUrlContaining("/admin");
            browser.go("/admin/jobs/" + jobId + "/masks/" + otherImage);
            assertEquals(SECOND_VERSION, browser.await(By.id("shapes")).getAttribute("value"));
            assertFalse(browser.await(By.id("save-mask")).isEnabled(), "nothing changed since version 2");
            assertTrue(browser.await(By.id("versions")).getText().contains("2 (used) drawn"),
                    browser.await(By.id("versions")).getText());
            awaitPictures(browser, "#mask-canvas img");
            browser.screenshot("mask-versions");
            browser.go("/admin/jobs/" + jobId + "/masks");
            String images = browser.await(By.id("images")).getText();
            assertTrue(images.contains("version 2: drawn: 1 shape, 300 pixels, by " + TestUser.ADMIN.username()), images);
            assertTrue(images.contains("version 1: segment 1"), images);
            browser.await(By.id("submit-masks")).click();
            browser.awaitUrlContaining("/admin/jobs/" + jobId + "?");
            assertTrue(browser.await(By.id("expert-masks")).isDisplayed(), "the job links to its masks once sent on");
            assertTrue(browser.await(By.id("job-state")).getText().matches("PROCESSING|GENERATED|EXPORTED"),
                    browser.await(By.id("job-state")).getText());
        }
    }

    /** Waits until every picture the selector finds has loaded, so a screenshot shows them. */
    private static void awaitPictures(Browser browser, String selector) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return [...document.querySelectorAll(arguments[0])].every(i => i.complete && i.naturalWidth"
                        + " > 0)", selector));
    }

    private static HttpResponse<String> call(GatewayProcess gateway, TestUser user, String method, String path,
            String type, byte[] body) {
        HttpRequest.Builder request = gateway.request(path, user);
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return TestHttp.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestHttp.json(response.body());
    }

    private Path exported(OrthancProcess orthanc, String sopInstanceUid, String name) throws Exception {
        Path copy = folder.resolve(name + "-output.dcm");
        Files.write(copy, orthanc.getBytes("/instances/" + orthanc.findInstance(sopInstanceUid).orElseThrow() + "/file"));
        return copy;
    }
}
