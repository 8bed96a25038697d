package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.deid.CodedConcept;
import io.synthgate.deid.Deidentifier;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.DicomImages;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped experiments, each the only one enabled, on the corpus's CR
 * radiograph with the built-in generator, through a real gateway to a real Orthanc. The presets take
 * radiographs only ({@code Modality=CR,DX}), so a CT slice of the same study is left out, and said so;
 * asked for two candidates of each image, they keep both, each from its own seed. The presets and
 * outpainting also run through a WireMock'd OpenAI-shaped generator; there the presets take only what
 * one calling AE sent, and de-identify with the experiment's own options.
 */
class ShippedExperimentsIT {

    private static final Path RADIOGRAPH = TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm");
    private static final AttributeTag SOURCE_REGION = new AttributeTag(0x0099, 0x100F);
    private static final AttributeTag STAGES = new AttributeTag(0x0099, 0x1014);
    private static final AttributeTag METHOD = new AttributeTag(0x0099, 0x101B);

    @TempDir
    Path folder;

    @Test
    void radiographPresetsRegenerateTheRegionOfEachImagesBodyPart() throws Exception {
        String study = "2.25.5150515051";
        Map<String, String> bodyParts = Map.of(study + ".1", "CHEST", study + ".2", "KNEE", study + ".3", "ELBOW");
        List<Path> files = new java.util.ArrayList<>();
        for (Map.Entry<String, String> image : bodyParts.entrySet()) {
            files.add(DicomCopies.asInstanceOf(RADIOGRAPH, study, image.getKey(), image.getValue(),
                    folder.resolve(image.getValue() + ".dcm")));
        }
        files.add(DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".4", null,
                folder.resolve("ct.dcm")));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        only("radiograph-presets", Map.of("synthgate.experiments.radiograph-presets.candidates", "2")))
                        .start()) {
            send(gateway, files);
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 4, Duration.ofSeconds(180));
            assertEquals(3, outputs.size(), "the CT slice is not a radiograph: " + outputs);
            Map<String, String> masks = new HashMap<>();
            Map<String, Set<Long>> seeds = new HashMap<>();
            JsonNode jobs = gateway.getJson("/api/studies/" + study).path("jobs");
            assertEquals("radiograph-presets", jobs.get(0).path("experiment").asText());
            JsonNode job = gateway.getJson("/api/jobs/" + jobs.get(0).path("id").asText());
            assertTrue(job.path("events").toString().contains("Selection 'Modality=CR,DX' took 3 of 4 instances"),
                    job.path("events").toString());
            Instant generated = generatedAt(job);
            for (JsonNode output : job.path("outputs")) {
                assertFalse(Instant.parse(output.path("exportedAt").asText()).isAfter(generated),
                        "each candidate leaves as soon as it is written, not after the job's last: " + job);
                String bodyPart = bodyParts.get(output.path("sourceSopInstanceUid").asText());
                masks.put(bodyPart, output.path("maskSpec").asText());
                seeds.computeIfAbsent(bodyPart, key -> new HashSet<>()).add(output.path("seed").asLong());
            }
            assertEquals(6, job.path("outputs").size(), "two candidates of each radiograph, all kept: " + job.path("outputs"));
            seeds.forEach((bodyPart, used) -> assertEquals(2, used.size(), bodyPart + ": each candidate its own seed"));
            assertEquals("ellipse 30% 60% 12% 14%", masks.get("CHEST"), "the chest preset: " + masks);
            assertEquals("rectangle 25% 42% 50% 16%", masks.get("KNEE"), "the knee preset: " + masks);
            assertEquals("rectangle 40% 40% 20% 20%", masks.get("ELBOW"), "no preset: the experiment's mask: " + masks);
            assertEquals(6, orthanc.get("/instances").size());
        }
    }

    @Test
    void radiographPresetsRunThroughAnOpenAiShapedGeneratorOnTheWardsImagesOnly() throws Exception {
        String study = "2.25.8180818081";
        Path ankle = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".1", "ANKLE", folder.resolve("ankle.dcm"));
        Path wrist = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".2", "WRIST", folder.resolve("wrist.dcm"));
        Path fromElsewhere = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".3", "PELVIS", folder.resolve("pelvis.dcm"));
        WireMockServer openAi = openAiShapedGenerator();
        Map<String, String> config = throughOpenAi(openAi, "radiograph-presets", Map.of(
                "synthgate.experiments.radiograph-presets.select", "Modality=CR,DX; CallingAETitle=WARD_DX*",
                "synthgate.experiments.radiograph-presets.deid-retain", "patient-characteristics"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, config).start()) {
            send(gateway, "STORESCU", List.of(fromElsewhere));
            send(gateway, "WARD_DX1", List.of(ankle, wrist));
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 3, Duration.ofSeconds(120));
            assertEquals(Set.of(study + ".1", study + ".2"), outputs.keySet(), "only the ward's radiographs");
            JsonNode job = gateway.getJson("/api/jobs/" + gateway.getJson("/api/studies/" + study).path("jobs").get(0)
                    .path("id").asText());
            assertTrue(job.path("events").toString().contains("took 2 of 3 instances"), job.path("events").toString());
            Map<String, String> masks = new HashMap<>();
            job.path("outputs").forEach(output -> masks.put(output.path("sourceSopInstanceUid").asText(),
                    output.path("maskSpec").asText()));
            assertEquals(Map.of(study + ".1", "rectangle 35% 45% 30% 20%", study + ".2", "ellipse 50% 45% 16% 12%"), masks);
            for (String bodyPart : List.of("ankle", "wrist")) {
                openAi.verify(1, postRequestedFor(urlEqualTo("/v1/images/edits"))
                        .withRequestBody(containing("An X-ray of " + bodyPart)).withRequestBody(containing("name=\"mask\"")));
            }

            Path copy = folder.resolve("ankle-openai.dcm");
            Files.write(copy, orthanc.getBytes("/instances/" + orthanc.findInstance(outputs.get(study + ".1")).orElseThrow()
                    + "/file"));
            AttributeList header = new AttributeList();
            header.read(copy.toFile(), TagFromName.PixelData);
            List<String> codes = Deidentifier.methodCodes(header).stream().map(CodedConcept::value).toList();
            assertTrue(codes.contains("113108") && !codes.contains("113107"),
                    "the experiment's de-identification options, not the defaults: " + codes);
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(copy));
        } finally {
            openAi.stop();
        }
    }

    /** Also exported to two destinations at once. */
    @Test
    void outpaintingExtendsAKneeUpAndDownKeepingEveryPixel() throws Exception {
        String study = "2.25.6160616061";
        Path knee = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".1", "KNEE", folder.resolve("knee.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                OrthancProcess archive = OrthancProcess.start(Files.createDirectories(folder.resolve("archive")));
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, only("outpaint",
                        Map.of("synthgate.destinations.archive.ae-title", OrthancProcess.AE_TITLE,
                                "synthgate.destinations.archive.host", "127.0.0.1",
                                "synthgate.destinations.archive.port", Integer.toString(archive.dicomPort()),
                                "synthgate.destinations.archive.kind", "research",
                                "synthgate.experiments.outpaint.destination", "research, archive"))).start()) {
            send(gateway, List.of(knee));
            String synthetic = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(120)).get(study + ".1");
            assertTrue(archive.findInstance(synthetic).isPresent(), "the second destination has it too");
            String id = orthanc.findInstance(synthetic).orElseThrow();
            Path copy = folder.resolve("outpainted.dcm");
            Files.write(copy, orthanc.getBytes("/instances/" + id + "/file"));

            AttributeList header = new AttributeList();
            header.read(copy.toFile(), TagFromName.PixelData);
            assertEquals("OUTPAINT", Attribute.getStringValues(header, TagFromName.ImageType)[3]);
            assertArrayEquals(new int[] {0, 110, 440, 440}, Attribute.getIntegerValues(header, SOURCE_REGION),
                    "a quarter of 440 rows added above and below");
            assertEquals("patch completion", Attribute.getSingleStringValueOrEmptyString(header, METHOD),
                    "the built-in generator completed the new border from the knee's own patches");
            assertKneeKeptOnTheGrownCanvas(knee, copy);
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(copy));
        }
    }

    @Test
    void outpaintingRunsThroughAnOpenAiShapedGeneratorToo() throws Exception {
        String study = "2.25.7170717071";
        Path knee = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".1", "KNEE", folder.resolve("knee.dcm"));
        WireMockServer openAi = openAiShapedGenerator();
        Map<String, String> config = throughOpenAi(openAi, "outpaint", Map.of());
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, config).start()) {
            send(gateway, List.of(knee));
            String synthetic = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(120)).get(study + ".1");
            Path copy = folder.resolve("outpainted-openai.dcm");
            Files.write(copy, orthanc.getBytes("/instances/" + orthanc.findInstance(synthetic).orElseThrow() + "/file"));
            assertKneeKeptOnTheGrownCanvas(knee, copy);
            openAi.verify(1, postRequestedFor(urlEqualTo("/v1/images/edits"))
                    .withRequestBody(containing("An X-ray of knee")).withRequestBody(containing("name=\"mask\"")));
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(copy));
        } finally {
            openAi.stop();
        }
    }

    /**
     * The paper's knee, grown in three steps of a quarter up and down through the OpenAI stand-in: one
     * object of 1486 rows records four stages and three requests. Sent back in, it is recognised by its
     * seal (not refused as a Secondary Capture), keeps its patient, loses its label to the next mask, and
     * grows three steps more into an object that references it and records all seven stages.
     */
    @Test
    void aKneeGrowsStepByStepThroughAnOpenAiShapedGeneratorAndOnAgainWhenSentBack() throws Exception {
        String study = "2.25.8180818081";
        Path knee = DicomCopies.asInstanceOf(RADIOGRAPH, study, study + ".1", "KNEE", folder.resolve("knee.dcm"));
        WireMockServer openAi = openAiShapedGenerator();
        Map<String, String> config = throughOpenAi(openAi, "outpaint", Map.of("synthgate.experiments.outpaint.steps", "3"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, config).start()) {
            send(gateway, List.of(knee));
            String grown = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(120)).get(study + ".1");
            Path first = folder.resolve("grown.dcm");
            Files.write(first, orthanc.getBytes("/instances/" + orthanc.findInstance(grown).orElseThrow() + "/file"));
            // 440 rows, then 110, 165 and 248 (247.5 rounded) added above and below
            assertKneeKeptOnTheGrownCanvas(knee, first, 1486, 523);
            AttributeList header = new AttributeList();
            header.read(first.toFile(), TagFromName.PixelData);
            assertArrayEquals(new int[] {0, 523, 440, 440, 0, 413, 440, 660, 0, 248, 440, 990, 0, 0, 440, 1486},
                    Attribute.getIntegerValues(header, STAGES));
            openAi.verify(3, postRequestedFor(urlEqualTo("/v1/images/edits")));
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(first));

            send(gateway, List.of(first));
            String syntheticStudy = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.StudyInstanceUID);
            String again = StudyProgress.awaitExported(gateway, syntheticStudy, 1, Duration.ofSeconds(180)).get(grown);
            Path second = folder.resolve("grown-again.dcm");
            Files.write(second, orthanc.getBytes("/instances/" + orthanc.findInstance(again).orElseThrow() + "/file"));
            openAi.verify(6, postRequestedFor(urlEqualTo("/v1/images/edits")));
            AttributeList next = new AttributeList();
            next.read(second.toFile(), TagFromName.PixelData);
            assertEquals(Attribute.getSingleStringValueOrEmptyString(header, TagFromName.PatientID),
                    Attribute.getSingleStringValueOrEmptyString(next, TagFromName.PatientID), "the same patient");
            assertEquals(grown, Attribute.getSingleStringValueOrEmptyString(((SequenceAttribute) next.get(
                    TagFromName.SourceImageSequence)).getItem(0).getAttributeList(), TagFromName.ReferencedSOPInstanceUID));
            // then 372, 558 and 837 rows added above and below: the first object lies 1767 rows down
            assertEquals(28, Attribute.getIntegerValues(next, STAGES).length, "seven stages");
            DicomImages.Image before = DicomImages.read(first);
            DicomImages.Image after = DicomImages.read(second);
            assertEquals(1486 + 2 * 1767, after.rows());
            int labelPixelsChanged = 0;
            for (int row = 0; row < before.rows(); row++) {
                for (int column = 0; column < before.columns(); column++) {
                    if (after.inLabel(column, row + 1767)) {
                        continue;
                    }
                    if (before.inLabel(column, row)) {
                        labelPixelsChanged += before.at(column, row) != after.at(column, row + 1767) ? 1 : 0;
                    } else {
                        assertEquals(before.at(column, row), after.at(column, row + 1767), "(" + column + "," + row + ")");
                    }
                }
            }
            assertTrue(labelPixelsChanged > 0, "the first object's label was regenerated, not carried on");
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(second));

            // The report shows each sequence: a tile per intermediate stage, cropped from the candidate.
            String figure = gateway.get("/api/experiments/outpaint/figure.svg").body();
            Files.writeString(Path.of("target", "outpaint-steps-figure.svg"), figure);
            for (String step : List.of("step 1 of 3", "step 2 of 3", "step 1 of 6", "step 5 of 6")) {
                assertTrue(figure.contains(">" + step + "<"), step + " in " + figure.substring(0, 2000));
            }
            assertFalse(figure.contains("step 3 of 3"), "the last stage is the candidate itself");
        } finally {
            openAi.stop();
        }
    }

    /** The knee outpainted a quarter up and down once: 660 rows, the source 110 rows down. */
    private static void assertKneeKeptOnTheGrownCanvas(Path knee, Path outpainted) throws Exception {
        assertKneeKeptOnTheGrownCanvas(knee, outpainted, 660, 110);
    }

    /** The outpainted knee has {@code rows} rows, and every source pixel outside the label {@code top} rows down, unchanged. */
    private static void assertKneeKeptOnTheGrownCanvas(Path knee, Path outpainted, int rows, int top) throws Exception {
        DicomImages.Image source = DicomImages.read(knee);
        DicomImages.Image output = DicomImages.read(outpainted);
        assertEquals(rows, output.rows());
        for (int row = 0; row < source.rows(); row++) {
            for (int column = 0; column < source.columns(); column++) {
                if (!output.inLabel(column, row + top)) {
                    assertEquals(source.at(column, row), output.at(column, row + top), "(" + column + "," + row + ")");
                }
            }
        }
    }

    /** Gateway settings that run {@code experiment} with the OpenAI-shaped {@code openAi}, plus {@code more}. */
    private static Map<String, String> throughOpenAi(WireMockServer openAi, String experiment, Map<String, String> more) {
        Map<String, String> config = new HashMap<>(Map.of(
                "synthgate.generator.openai.type", "openai",
                "synthgate.generator.openai.base-url", "http://127.0.0.1:" + openAi.port() + "/v1",
                "synthgate.generator.openai.model", "gpt-image-2",
                "synthgate.experiments." + experiment + ".generator", "openai"));
        config.putAll(more);
        return only(experiment, config);
    }

    /** Gateway settings in which {@code experiment} is the only enabled experiment, plus {@code more}. */
    static Map<String, String> only(String experiment, Map<String, String> more) {
        Map<String, String> config = new HashMap<>(more);
        config.put("synthgate.experiments.inpaint.enabled", "false");
        config.put("synthgate.experiments.txt2img.enabled", "false");
        config.put("synthgate.experiments." + experiment + ".enabled", "true");
        return config;
    }

    /** A started WireMock answering every image edit with one mid-gray 1024x1024 PNG, as OpenAI's Images API does. */
    private static WireMockServer openAiShapedGenerator() {
        WireMockServer openAi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        openAi.stubFor(post(urlEqualTo("/v1/images/edits")).willReturn(okJson(
                GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 128))));
        return openAi;
    }

    private static void send(GatewayProcess gateway, List<Path> files) {
        send(gateway, "STORESCU", files);
    }

    private static void send(GatewayProcess gateway, String callingAe, List<Path> files) {
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, callingAe, List.of(), files);
        assertEquals(0, sent.exitCode(), sent.output());
    }

    private static Instant generatedAt(JsonNode job) {
        for (JsonNode event : job.path("events")) {
            if (event.path("to").asText().equals("GENERATED")) {
                return Instant.parse(event.path("at").asText());
            }
        }
        throw new AssertionError("the job never became GENERATED: " + job);
    }
}
