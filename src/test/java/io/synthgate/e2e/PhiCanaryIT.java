package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.ShortTextAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PHI canaries: a study whose every text attribute carries a unique marker passes through the
 * pipeline with an external generator (OpenAI Images, served by WireMock with its documented
 * answers); no marker appears in any byte sent to the generator, in any object the gateway writes
 * after de-identification, in any object the research PACS received, or in any log line at INFO or
 * above. The generator's API key, given through the environment, appears in no log line at all.
 */
class PhiCanaryIT {

    private static final String CANARY = "CANARY";
    private static final String API_KEY = "sk-canary-key-never-logged";

    @TempDir
    Path folder;

    @Test
    void noCanaryLeavesTheClinicalCopy() throws Exception {
        Path source = canaryStudy(folder.resolve("canary.dcm"));
        WireMockServer openAi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        openAi.stubFor(post(urlEqualTo("/v1/images/edits")).willReturn(okJson(
                GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 128)).withHeader("x-request-id", "req_canary")));
        Map<String, String> generator = Map.of(
                "synthgate.generator.openai.type", "openai",
                "synthgate.generator.openai.base-url", "http://127.0.0.1:" + openAi.port() + "/v1",
                "synthgate.generator.openai.model", "gpt-image-2",
                "synthgate.experiments.inpaint.generator", "openai");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, generator)
                        .withEnvironment("SYNTHGATE_GENERATOR_OPENAI_API_KEY", API_KEY).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(source));
            assertEquals(0, sent.exitCode(), sent.output());
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, "2.25.987654321", 1, Duration.ofSeconds(90));
            assertEquals(1, outputs.size());

            List<ServeEvent> generatorCalls = openAi.getAllServeEvents();
            assertEquals(1, generatorCalls.size(), "one image, one call to the generator");
            LoggedRequest toGenerator = generatorCalls.get(0).getRequest();
            assertEquals("Bearer " + API_KEY, toGenerator.getHeader("Authorization"), "the key from the environment is used");
            List<String> leaks = new ArrayList<>();
            String sentBytes = new String(toGenerator.getBody(), StandardCharsets.ISO_8859_1) + toGenerator.getHeaders()
                    + toGenerator.getUrl();
            if (sentBytes.contains(CANARY)) {
                leaks.add("bytes sent to the generator");
            }
            for (com.fasterxml.jackson.databind.JsonNode id : orthanc.get("/instances")) {
                String stored = new String(orthanc.getBytes("/instances/" + id.asText() + "/file"), StandardCharsets.ISO_8859_1);
                if (stored.contains(CANARY)) {
                    leaks.add("research PACS instance " + id.asText());
                }
                assertTrue(stored.contains("gpt-image-2") && stored.contains("req_canary"),
                        "the synthetic object records the model and the provider's request id");
            }
            Path spool = folder.resolve("gateway/data/spool");
            for (String written : List.of("deidentified", "outbound")) {
                try (Stream<Path> files = Files.walk(spool.resolve(written))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(CANARY)) {
                            leaks.add(spool.relativize(file) + " " + ProcessRun.run(List.of("dcmdump", file.toString()))
                                    .output().lines().filter(line -> line.contains(CANARY)).toList());
                        }
                    }
                }
            }
            try (Stream<Path> logs = Files.list(folder.resolve("gateway"))) {
                for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        if (line.contains(CANARY) && line.matches(".*\\b(INFO|WARN|ERROR|FATAL)\\b.*")
                                || line.contains(API_KEY)) {
                            leaks.add(log.getFileName() + ": " + line);
                        }
                    }
                }
            }
            assertTrue(leaks.isEmpty(), "canaries leaked: " + leaks);
            assertTrue(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1).contains(CANARY + "01"),
                    "the test must actually send canaries");
        } finally {
            openAi.stop();
        }
    }

    /** CT_small with every text attribute, and the usual identifying ones, set to a unique canary. */
    private static Path canaryStudy(Path target) throws Exception {
        AttributeList list = new AttributeList();
        list.read(TestFiles.pydicom("CT_small.dcm").toFile());
        int[] counter = {0};
        for (AttributeTag tag : List.of(TagFromName.PatientName, TagFromName.PatientID, TagFromName.OtherPatientNames,
                TagFromName.PatientAddress, TagFromName.InstitutionName, TagFromName.InstitutionAddress,
                TagFromName.ReferringPhysicianName, TagFromName.PerformingPhysicianName, TagFromName.OperatorsName,
                TagFromName.StudyDescription, TagFromName.SeriesDescription, TagFromName.AccessionNumber,
                TagFromName.StudyID, TagFromName.StationName, TagFromName.ImageComments, TagFromName.ProtocolName,
                TagFromName.RequestingPhysician, TagFromName.PatientComments, TagFromName.AdditionalPatientHistory)) {
            list.remove(tag);
        }
        put(list, new PersonNameAttribute(TagFromName.PatientName), counter);
        put(list, new LongStringAttribute(TagFromName.PatientID), counter);
        put(list, new PersonNameAttribute(TagFromName.OtherPatientNames), counter);
        put(list, new LongStringAttribute(TagFromName.PatientAddress), counter);
        put(list, new LongStringAttribute(TagFromName.InstitutionName), counter);
        put(list, new ShortTextAttribute(TagFromName.InstitutionAddress), counter);
        put(list, new PersonNameAttribute(TagFromName.ReferringPhysicianName), counter);
        put(list, new PersonNameAttribute(TagFromName.PerformingPhysicianName), counter);
        put(list, new PersonNameAttribute(TagFromName.OperatorsName), counter);
        put(list, new LongStringAttribute(TagFromName.StudyDescription), counter);
        put(list, new LongStringAttribute(TagFromName.SeriesDescription), counter);
        put(list, new ShortStringAttribute(TagFromName.AccessionNumber), counter);
        put(list, new ShortStringAttribute(TagFromName.StudyID), counter);
        put(list, new ShortStringAttribute(TagFromName.StationName), counter);
        put(list, new LongTextAttribute(TagFromName.ImageComments), counter);
        put(list, new LongStringAttribute(TagFromName.ProtocolName), counter);
        put(list, new PersonNameAttribute(TagFromName.RequestingPhysician), counter);
        put(list, new LongTextAttribute(TagFromName.PatientComments), counter);
        put(list, new LongTextAttribute(TagFromName.AdditionalPatientHistory), counter);
        for (Object key : new ArrayList<>(list.keySet())) {
            Attribute attribute = list.get((AttributeTag) key);
            String vr = new String(attribute.getVR(), StandardCharsets.US_ASCII);
            if (List.of("LO", "SH", "ST", "LT", "UT", "PN").contains(vr) && attribute.getVM() > 0
                    && !attribute.getSingleStringValueOrEmptyString().startsWith(CANARY)) {
                attribute.removeValues();
                attribute.addValue(String.format("%s%02d", CANARY, ++counter[0]));
            }
        }
        replaceUid(list, TagFromName.StudyInstanceUID, "2.25.987654321");
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    private static void put(AttributeList list, Attribute attribute, int[] counter) throws Exception {
        attribute.addValue(String.format("%s%02d", CANARY, ++counter[0]));
        list.put(attribute);
    }

    private static void replaceUid(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute attribute = new com.pixelmed.dicom.UniqueIdentifierAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}
