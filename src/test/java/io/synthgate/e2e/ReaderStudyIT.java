package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A visual Turing test of the inpainting of two images: the admin builds a reading set of the two
 * de-identified originals and their two candidates; two simulated readers each read all four in an
 * order of their own, from reading copies without the label. Rita is always right and sure; Rob calls
 * one synthetic image real. Their answers give known results: Rita accuracy 1 and AUC 1, Rob accuracy
 * 0.75, sensitivity 0.5, specificity 1 and AUC 0.875, pooled accuracy 0.875 and AUC 0.96875, and a
 * Cohen's kappa of 0.5 between them. The pages do the same in a real browser.
 */
class ReaderStudyIT {

    private static final String STUDY = "2.25.5180180180";
    private static final AttributeTag LABEL_BOX = new AttributeTag(0x0099, 0x100E);

    @TempDir
    Path folder;

    @Test
    void twoSimulatedReadersGiveKnownAccuracyAucAndKappa() throws Exception {
        Path first = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), STUDY, STUDY + ".1", "CHEST",
                folder.resolve("a.dcm"));
        Path second = DicomCopies.asInstanceOf(TestFiles.pydicom("MR_small.dcm"), STUDY, STUDY + ".2", "HEAD",
                folder.resolve("b.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of()).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(first, second));
            assertEquals(0, sent.exitCode(), sent.output());
            StudyProgress.awaitExported(gateway, STUDY, 2, Duration.ofSeconds(120));

            assertEquals(403, post(gateway, "/api/reader-studies", TestUser.REVIEWER,
                    "{\"name\": \"inpainting\", \"experiment\": \"inpaint\"}").statusCode(), "admins build reading sets");
            HttpResponse<String> built = post(gateway, "/api/reader-studies", TestUser.ADMIN,
                    "{\"name\": \"inpainting, two readers\", \"experiment\": \"inpaint\"}");
            assertEquals(201, built.statusCode(), built.body());
            JsonNode set = TestHttp.json(built.body());
            assertEquals(2, set.path("real").asInt());
            assertEquals(2, set.path("synthetic").asInt());
            String base = "/api/reader-studies/" + set.path("id").asText();
            assertEquals(403, get(gateway, base + "/key", TestUser.REVIEWER).statusCode(), "readers never see the key");
            Map<String, JsonNode> key = new HashMap<>();
            TestHttp.json(get(gateway, base + "/key", TestUser.ADMIN).body()).forEach(item -> key.put(item.path("item")
                    .asText(), item));

            // Rita: right and sure every time. Rob: the synthetic image numbered lower called synthetic with
            // confidence 3, the other called real with confidence 1; the real ones real, confidence 4 and 1.
            List<String> rita = read(gateway, base, TestUser.REVIEWER, key, item -> truth(item).equals("REAL")
                    ? answer("REAL", 5) : answer("SYNTHETIC", 5));
            int firstSynthetic = key.values().stream().filter(item -> truth(item).equals("SYNTHETIC"))
                    .mapToInt(item -> item.path("number").asInt()).min().orElseThrow();
            int firstReal = key.values().stream().filter(item -> truth(item).equals("REAL"))
                    .mapToInt(item -> item.path("number").asInt()).min().orElseThrow();
            List<String> rob = read(gateway, base, TestUser.SECOND_REVIEWER, key, item -> {
                boolean lower = item.path("number").asInt() == (truth(item).equals("REAL") ? firstReal : firstSynthetic);
                return truth(item).equals("REAL") ? answer("REAL", lower ? 4 : 1)
                        : lower ? answer("SYNTHETIC", 3) : answer("REAL", 1);
            });
            assertEquals(new HashSet<>(rita), new HashSet<>(rob), "both read every image");
            assertEquals(4, rita.size());
            assertEquals(409, post(gateway, base + "/readings", TestUser.REVIEWER, "{\"item\": \"" + rita.get(0)
                    + "\", \"answer\": \"REAL\", \"confidence\": 3, \"plausibility\": 3}").statusCode(), "one answer each");
            assertEquals(204, get(gateway, base + "/next", TestUser.REVIEWER).statusCode(), "rita has read them all");

            JsonNode results = TestHttp.json(get(gateway, base + "/results", TestUser.RESEARCHER).body());
            JsonNode overall = results.path("overall");
            assertEquals(8, overall.path("readings").asInt());
            assertEquals(0.875, overall.path("accuracy").asDouble(), 1e-9);
            assertEquals(0.75, overall.path("sensitivity").asDouble(), 1e-9);
            assertEquals(1.0, overall.path("specificity").asDouble(), 1e-9);
            assertEquals(0.96875, overall.path("rocAuc").asDouble(), 1e-9);
            Map<String, JsonNode> readers = new HashMap<>();
            results.path("byReader").forEach(reader -> readers.put(reader.path("group").asText(), reader));
            assertEquals(1.0, readers.get("rita").path("accuracy").asDouble(), 1e-9);
            assertEquals(1.0, readers.get("rita").path("rocAuc").asDouble(), 1e-9);
            assertEquals(0.75, readers.get("rob").path("accuracy").asDouble(), 1e-9);
            assertEquals(0.5, readers.get("rob").path("sensitivity").asDouble(), 1e-9);
            assertEquals(1.0, readers.get("rob").path("specificity").asDouble(), 1e-9);
            assertEquals(0.875, readers.get("rob").path("rocAuc").asDouble(), 1e-9);
            assertEquals("Cohen's kappa", results.path("agreement").path("measure").asText());
            assertEquals(0.5, results.path("agreement").path("kappa").asDouble(), 1e-9);
            assertEquals(2, results.path("byBodyPart").size(), "a CHEST and a HEAD");
            String csv = get(gateway, base + "/readings.csv", TestUser.RESEARCHER).body();
            assertEquals(9, csv.lines().count(), csv);
            assertTrue(csv.lines().anyMatch(line -> line.startsWith("rob,") && line.contains(",SYNTHETIC,REAL,false,1,")),
                    csv);

            assertNoLabelInTheReadingCopies(gateway, base, orthanc, key);
            inTheBrowser(gateway, set.path("id").asText());

            assertEquals(403, delete(gateway, base, TestUser.REVIEWER).statusCode(), "admins delete reading sets");
            assertEquals(204, delete(gateway, base, TestUser.ADMIN).statusCode());
            assertEquals(404, get(gateway, base, TestUser.ADMIN).statusCode());
            assertTrue(gateway.log().contains("Reader study " + set.path("id").asText() + " 'inpainting, two readers' "
                    + "deleted by " + TestUser.ADMIN.username() + ", with its 8 readings"), "who deleted it is logged");
        }
    }

    /**
     * The pages: the admin builds a second set from the form; a reader answers its first image from the
     * keyboard (synthetic, confidence 2, plausibility 4, Enter) and gets the next; the admin reads the
     * first set's results.
     */
    private static void inTheBrowser(GatewayProcess gateway, String readSet) {
        try (Browser browser = Browser.open(gateway.url(""))) {
            browser.signIn(TestUser.ADMIN);
            browser.awaitUrlContaining("/admin/dashboard");
            browser.go("/admin/reader-studies");
            browser.driver().findElement(By.name("name")).sendKeys("inpainting, in the browser");
            browser.driver().findElement(By.cssSelector("#build button")).click();
            assertTrue(browser.await(By.id("done")).getText().contains("built inpainting, in the browser: 2 real and 2"
                    + " synthetic images"), browser.driver().getPageSource());
            browser.screenshot("reader-studies");
            browser.go("/admin/reader-studies/" + readSet + "/results");
            assertTrue(browser.await(By.id("agreement")).getText().contains("Cohen's kappa 0.50"));
            browser.screenshot("reader-study-results");

            browser.driver().manage().deleteAllCookies();
            browser.signIn(TestUser.REVIEWER);
            browser.awaitUrlContaining("/admin/review");
            browser.go("/admin/reader-studies");
            browser.driver().findElements(By.linkText("Read")).get(0).click();
            browser.await(By.id("reading"));
            assertTrue(browser.driver().getPageSource().contains("image 1 of 4"));
            browser.screenshot("reader-study-read");
            browser.press("s", "2", "9");
            assertTrue(browser.driver().findElement(By.cssSelector("input[name=plausibility][value='4']")).isSelected());
            browser.press(Keys.ENTER);
            assertTrue(browser.await(By.id("done")).getText().contains("answer recorded"));
            assertTrue(browser.driver().getPageSource().contains("image 2 of 4"));
        }
    }

    /**
     * Every synthetic reading copy has its label box filled in: where the object's own pixels carry the
     * label's white text, the copy is no brighter than between the letters. Not "nothing white": on a
     * 64-pixel MR the box spans the width and its fill may continue bright anatomy.
     */
    private void assertNoLabelInTheReadingCopies(GatewayProcess gateway, String base, OrthancProcess orthanc,
            Map<String, JsonNode> key) throws Exception {
        int labelled = 0;
        for (JsonNode item : key.values()) {
            if (!truth(item).equals("SYNTHETIC")) {
                continue;
            }
            Path object = folder.resolve("synthetic.dcm");
            Files.write(object, orthanc.getBytes("/instances/"
                    + orthanc.findInstance(item.path("sopInstanceUid").asText()).orElseThrow() + "/file"));
            AttributeList list = new AttributeList();
            list.read(object.toFile());
            int[] box = Attribute.getIntegerValues(list, LABEL_BOX);
            if (box == null) {
                continue;
            }
            labelled++;
            short[] words = list.get(TagFromName.PixelData).getShortValues();
            boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
            int[] stored = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                stored[i] = signed ? words[i] : words[i] & 0xFFFF;
            }
            int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
            HttpResponse<byte[]> png = TestHttp.send(gateway.request(base + "/images/" + item.path("item").asText()
                    + ".png", TestUser.REVIEWER).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(png.body()));
            int ink = Integer.MIN_VALUE;
            for (int y = box[1]; y < box[1] + box[3]; y++) {
                for (int x = box[0]; x < box[0] + box[2]; x++) {
                    ink = Math.max(ink, stored[y * columns + x]);
                }
            }
            double[] sums = new double[2];
            int[] counts = new int[2];
            for (int y = box[1]; y < box[1] + box[3]; y++) {
                for (int x = box[0]; x < box[0] + box[2]; x++) {
                    int letter = stored[y * columns + x] == ink ? 1 : 0;
                    sums[letter] += copy.getRaster().getSample(x, y, 0);
                    counts[letter]++;
                }
            }
            assertTrue(counts[0] > 0 && counts[1] > 0, "the box holds text on a background");
            double brighter = sums[1] / counts[1] - sums[0] / counts[0];
            assertTrue(Math.abs(brighter) < 25, "label text left in the reading copy of image " + item.path("number").asInt()
                    + ": where the letters were it is " + brighter + " grey levels brighter");
        }
        assertTrue(labelled > 0, "the 128-pixel CT's candidate carries a label");
    }

    private record Answer(String answer, int confidence) {
    }

    private static Answer answer(String answer, int confidence) {
        return new Answer(answer, confidence);
    }

    private static String truth(JsonNode item) {
        return item.path("truth").asText();
    }

    /** Reads the whole set as {@code reader}, answering each image as {@code policy} says; returns the order read. */
    private static List<String> read(GatewayProcess gateway, String base, TestUser reader, Map<String, JsonNode> key,
            Function<JsonNode, Answer> policy) {
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            HttpResponse<String> next = get(gateway, base + "/next", reader);
            if (next.statusCode() == 204) {
                return order;
            }
            String item = TestHttp.json(next.body()).path("item").asText();
            assertEquals(item, TestHttp.json(get(gateway, base + "/next", reader).body()).path("item").asText(),
                    "the same image until it is answered");
            assertTrue(seen.add(item), "each image once");
            assertEquals(order.size() + 1, TestHttp.json(next.body()).path("position").asInt());
            Answer given = policy.apply(key.get(item));
            HttpResponse<String> answered = post(gateway, base + "/readings", reader, "{\"item\": \"" + item
                    + "\", \"answer\": \"" + given.answer() + "\", \"confidence\": " + given.confidence()
                    + ", \"plausibility\": 4}");
            assertEquals(204, answered.statusCode(), answered.body());
            order.add(item);
        }
    }

    private static HttpResponse<String> get(GatewayProcess gateway, String path, TestUser user) {
        return TestHttp.send(gateway.request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(GatewayProcess gateway, String path, TestUser user) {
        return TestHttp.send(gateway.request(path, user).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(GatewayProcess gateway, String path, TestUser user, String body) {
        return TestHttp.send(gateway.request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
