package io.synthgate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.synthgate.pipeline.DeidOptions;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.ReviewPolicy;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {

    private static final Set<String> GENERATORS = Set.of("builtin", "openai");
    private static final Map<String, Boolean> ONE_RESEARCH_PACS = Map.of("research", true, "clinical", false);

    @Test
    void theShippedSettingsLoadAsTypedExperimentsWithOnlyInpaintRoutedToStudies() throws Exception {
        ExperimentLoader.Loaded loaded = load(shipped());

        assertEquals(Set.of("inpaint", "radiograph-presets", "outpaint", "erase", "txt2img"), loaded.experiments().keySet());
        assertEquals(List.of("inpaint"), loaded.routable().stream().map(Experiment::name).toList());
        Experiment presets = loaded.experiments().get("radiograph-presets");
        assertEquals("ellipse 30% 60% 12% 14%", presets.mask().forBodyPart("chest").text(), "presets by body part, any case");
        assertEquals("rectangle 40% 40% 20% 20%", presets.mask().forBodyPart("ELBOW").text(), "others get the mask");
        assertTrue(presets.select().readsHeader());
        assertEquals(GenerationOperation.OUTPAINT, loaded.experiments().get("outpaint").operation());
        assertEquals(List.of("research"), loaded.experiments().get("inpaint").destinations(),
                "the one research destination when none is named");
        assertEquals(GenerationOperation.TXT2IMG, loaded.experiments().get("txt2img").operation());
    }

    @Test
    void aMisspeltMaskStopsTheStartNamingItsKey() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.inpaint.mask", "rectangel 40% 40% 20% 20%");

        InvalidExperimentsException refused = assertThrows(InvalidExperimentsException.class, () -> load(settings));

        assertTrue(refused.getMessage().contains("synthgate.experiments.inpaint.mask: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("rectangel"), refused.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceEachWithItsKey() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.erase.review", "maybe");
        settings.put("synthgate.experiments.erase.generator", "dalle");
        settings.put("synthgate.experiments.erase.destination", "research, clinical");
        settings.put("synthgate.experiments.erase.select", "BodyPart=KNEE");
        settings.put("synthgate.experiments.erase.when", "StudyDescription~knee(");
        settings.put("synthgate.experiments.erase.deid-retain", "dates");
        settings.put("synthgate.experiments.erase.seed", "lucky");
        settings.put("synthgate.experiments.erase.candidates", "0");
        settings.put("synthgate.experiments.erase.prompt", "An X-ray of {organ}");

        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        for (String key : List.of("review", "generator", "destination", "select", "when", "deid-retain", "seed",
                "candidates", "prompt")) {
            assertTrue(message.contains("synthgate.experiments.erase." + key + ": "), key + " in " + message);
        }
        assertTrue(message.contains("'clinical' is of kind clinical"), message);
    }

    @Test
    void aMisspeltKeyIsRefusedByTheMappingNamingIt() {
        SmallRyeConfigBuilder quarkusLike = new SmallRyeConfigBuilder().withMapping(ExperimentsConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("synthgate.experiments.inpaint.mak", "rectangle 0 0 1 1",
                        "synthgate.experiments.inpaint.mask", "rectangle 0 0 1 1"), "test", 100));
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, quarkusLike::build);
        assertTrue(refused.getMessage().contains("synthgate.experiments.inpaint.mak"), refused.getMessage());
    }

    @Test
    void severalReadersNeedAReviewThatHoldsCandidates() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.inpaint.review", "required");
        settings.put("synthgate.experiments.inpaint.readers", "3");
        assertEquals(3, load(settings).experiments().get("inpaint").readers());

        settings.put("synthgate.experiments.erase.readers", "2");
        settings.put("synthgate.experiments.outpaint.readers", "11");
        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        assertTrue(message.contains("synthgate.experiments.erase.readers: 2 readers need review=required or"
                + " review=recorded"), message);
        assertTrue(message.contains("synthgate.experiments.outpaint.readers: must be 1 to 10, not 11"), message);
    }

    @Test
    void onlyAnOutpaintingOfOneExtendGrowsStepByStep() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.outpaint.steps", "3");
        assertEquals(3, load(settings).experiments().get("outpaint").steps());

        settings.put("synthgate.experiments.outpaint.mask", "extend top 25%; rectangle 0 0 10 10");
        settings.put("synthgate.experiments.inpaint.steps", "2");
        settings.put("synthgate.experiments.erase.steps", "9");
        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        assertTrue(message.contains("synthgate.experiments.outpaint.steps: a chained outpainting takes a mask of one"
                + " extend alone"), message);
        assertTrue(message.contains("synthgate.experiments.inpaint.steps: only operation outpaint grows a canvas step by"
                + " step, not inpaint"), message);
        assertTrue(message.contains("synthgate.experiments.erase.steps: must be 1 to 8, not 9"), message);
    }

    @Test
    void onlyOutpaintingGrowsTheCanvasAndItNeedsAGrowth() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.outpaint.mask", "rectangle 0 0 10% 10%");
        settings.put("synthgate.experiments.inpaint.mask", "extend left 20%");
        settings.put("synthgate.experiments.radiograph-presets.presets.KNEE", "extend top 10%");

        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        assertTrue(message.contains("synthgate.experiments.outpaint.mask: outpaint needs a mask that grows the canvas"),
                message);
        assertTrue(message.contains("synthgate.experiments.inpaint.mask: 'extend left 20%' grows the canvas"), message);
        assertTrue(message.contains("synthgate.experiments.radiograph-presets.presets.KNEE: "), message);
    }

    @Test
    void anImageExperimentNeedsAMaskAndATextToImageOneReadsNone() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.plain.operation", "erase");
        settings.put("synthgate.experiments.txt2img.mask", "rectangle 0 0 10 10");
        settings.put("synthgate.experiments.txt2img.candidates", "4");

        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        assertTrue(message.contains("synthgate.experiments.plain.mask: is required"), message);
        assertTrue(message.contains("synthgate.experiments.txt2img.mask: a txt2img experiment does not read it"), message);
        assertTrue(message.contains("synthgate.experiments.txt2img.candidates: "), message);
    }

    @Test
    void theDestinationMustBeNamedWhenThereIsNotExactlyOneResearchPacs() throws Exception {
        ExperimentLoader twoPacs = new ExperimentLoader(ExperimentLoaderTest::checkGenerator,
                Map.of("research", true, "archive", true), new DeidOptions(Set.of()));
        Map<String, String> settings = shipped();

        String message = assertThrows(InvalidExperimentsException.class,
                () -> twoPacs.load(mapping(settings), settings.keySet())).getMessage();
        assertTrue(message.contains("synthgate.experiments.inpaint.destination: is required"), message);

        settings.put("synthgate.experiments.inpaint.destination", "research, archive");
        settings.put("synthgate.experiments.radiograph-presets.destination", "archive");
        settings.put("synthgate.experiments.outpaint.destination", "archive");
        settings.put("synthgate.experiments.erase.destination", "archive");
        settings.put("synthgate.experiments.txt2img.destination", "archive");
        assertEquals(List.of("research", "archive"),
                twoPacs.load(mapping(settings), settings.keySet()).experiments().get("inpaint").destinations());
    }

    @Test
    void keysOfTheRetiredSingleExperimentFormAreRefusedWithTheirReplacement() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiment.active", "outpaint");
        settings.put("synthgate.experiment.radiograph-presets.other-mask", "rectangle 0 0 10 10");
        settings.put("synthgate.budget.inpaint.images-per-day", "100");

        String message = assertThrows(InvalidExperimentsException.class, () -> load(settings)).getMessage();

        assertTrue(message.contains("synthgate.experiment.active: retired; every experiment with"), message);
        assertTrue(message.contains("write synthgate.experiments.radiograph-presets.mask"), message);
        assertTrue(message.contains("write synthgate.experiments.inpaint.budget.images-per-day"), message);
    }

    @Test
    void settingsReachTheirTypedValues() throws Exception {
        Map<String, String> settings = shipped();
        settings.put("synthgate.experiments.erase.enabled", "true");
        settings.put("synthgate.experiments.erase.when", "CallingAETitle=CR_ROOM1; Modality=CR,DX");
        settings.put("synthgate.experiments.erase.review", "Required");
        settings.put("synthgate.experiments.erase.candidates", "3");
        settings.put("synthgate.experiments.erase.seed", "42");
        settings.put("synthgate.experiments.erase.deid-retain", "modified-dates");
        settings.put("synthgate.experiments.erase.budget.images-per-day", "500");
        settings.put("synthgate.experiments.erase.generator", "openai");

        ExperimentLoader.Loaded loaded = load(settings);
        Experiment erase = loaded.experiments().get("erase");

        assertEquals(List.of("erase", "inpaint"), loaded.routable().stream().map(Experiment::name).toList(),
                "enabled study experiments, in name order");
        assertEquals(ReviewPolicy.REQUIRED, erase.review());
        assertEquals(3, erase.candidates());
        assertEquals(42L, erase.seed().seedFor("any").getAsLong());
        assertEquals(Set.of(DeidOptions.Retained.MODIFIED_DATES), erase.deidRetain().orElseThrow().retained());
        assertEquals(500, erase.imagesPerDay().getAsInt());
        assertEquals("openai", erase.generator().orElseThrow());
        assertEquals("CallingAETitle=CR_ROOM1; Modality=CR,DX", erase.when().orElseThrow().text());
    }

    /** The {@code synthgate.experiments.*} keys of the shipped application.properties, without profiles. */
    private static Map<String, String> shipped() throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith(ExperimentLoader.PREFIX))
                .forEach(key -> settings.put(key, properties.getProperty(key)));
        assertTrue(settings.size() > 10, "application.properties configures the shipped experiments");
        return settings;
    }

    private static ExperimentLoader.Loaded load(Map<String, String> settings) {
        return new ExperimentLoader(ExperimentLoaderTest::checkGenerator, ONE_RESEARCH_PACS, new DeidOptions(Set.of()))
                .load(mapping(settings), settings.keySet());
    }

    private static ExperimentsConfig mapping(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ExperimentsConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 100)).build();
        return config.getConfigMapping(ExperimentsConfig.class);
    }

    private static void checkGenerator(String name) {
        if (!GENERATORS.contains(name)) {
            throw new IllegalArgumentException("No generator named '" + name + "'; known: " + GENERATORS);
        }
    }
}
