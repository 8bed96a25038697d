package io.synthgate.experiment;

import io.synthgate.dicom.Selection;
import io.synthgate.generator.PromptTemplate;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pipeline.DeidOptions;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.MaskPlan;
import io.synthgate.pipeline.ReviewPolicy;
import io.synthgate.pipeline.SeedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns {@code synthgate.experiments.*} into typed {@link Experiment}s, checking every value against
 * what it names (masks, selections, generators, destinations); a key of the retired
 * {@code synthgate.experiment.*} form is a problem too. All problems are reported at once, each with
 * its key. (A misspelt key under {@code synthgate.experiments} is refused by the configuration mapping
 * itself, before this runs.)
 */
final class ExperimentLoader {

    static final String PREFIX = "synthgate.experiments.";
    static final int MAX_CANDIDATES = 16;
    /** Eight steps of 25% each way already grow a knee's canvas 25 times; more is a mistake. */
    static final int MAX_STEPS = 8;
    static final int MAX_READERS = 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern BODY_PART = Pattern.compile("[A-Z0-9_]+");
    /** A size to try masks on: large enough that every share and pixel count of a sensible mask fits. */
    private static final int PROBE_SIDE = 4096;

    /** What a generator name is checked against: throws {@link IllegalArgumentException} for an unknown one. */
    interface GeneratorNames {
        void check(String name);
    }

    /** The experiments by name, the names of those enabled, and the enabled study experiments in name order. */
    record Loaded(Map<String, Experiment> experiments, Set<String> enabled, List<Experiment> routable) {
    }

    private final GeneratorNames generators;
    private final Map<String, Boolean> researchDestinations;
    private final DeidOptions deidDefaults;

    /**
     * @param generators checks a generator name
     * @param researchDestinations every destination's name, and whether it is of kind research
     * @param deidDefaults what de-identification keeps when an experiment names nothing
     */
    ExperimentLoader(GeneratorNames generators, Map<String, Boolean> researchDestinations, DeidOptions deidDefaults) {
        this.generators = generators;
        this.researchDestinations = new TreeMap<>(researchDestinations);
        this.deidDefaults = deidDefaults;
    }

    /**
     * Loads every experiment.
     *
     * @param propertyNames every configuration key there is, to find retired ones
     * @throws InvalidExperimentsException listing every problem, each with its key
     */
    Loaded load(ExperimentsConfig config, Iterable<String> propertyNames) {
        List<String> problems = new ArrayList<>();
        retiredKeys(propertyNames, problems);
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        Set<String> enabled = new TreeSet<>();
        List<Experiment> routable = new ArrayList<>();
        new TreeMap<>(config.experiments()).forEach((name, settings) -> {
            if (!NAME.matcher(name).matches()) {
                problems.add(PREFIX + name + ": an experiment's name is lower case letters, digits and hyphens, as"
                        + " in its route direct:experiment-<name>");
                return;
            }
            Optional<Experiment> experiment = new One(name, settings, problems).experiment();
            experiment.ifPresent(loaded -> {
                experiments.put(name, loaded);
                if (settings.enabled()) {
                    enabled.add(name);
                    if (loaded.takesStudies()) {
                        routable.add(loaded);
                    }
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new InvalidExperimentsException(problems);
        }
        return new Loaded(experiments, Set.copyOf(enabled), List.copyOf(routable));
    }

    private static void retiredKeys(Iterable<String> propertyNames, List<String> problems) {
        for (String key : propertyNames) {
            if (key.startsWith("synthgate.experiment.") || key.startsWith("synthgate.budget.")) {
                problems.add(key + ": " + RetiredKeys.replacement(key));
            }
        }
    }

    /** One experiment's settings, parsed; each value that fails adds a problem naming its key. */
    private final class One {

        private final String name;
        private final ExperimentsConfig.Settings settings;
        private final List<String> problems;
        private boolean failed;

        One(String name, ExperimentsConfig.Settings settings, List<String> problems) {
            this.name = name;
            this.settings = settings;
            this.problems = problems;
        }

        Optional<Experiment> experiment() {
            GenerationOperation operation = parse("operation", () -> GenerationOperation.parse(settings.operation()));
            if (operation == null) {
                return Optional.empty();
            }
            boolean text = operation == GenerationOperation.TXT2IMG;
            if (text) {
                refuseSettingsOfImages();
            }
            Optional<Selection> when = settings.when().map(rule -> parse("when", () -> Selection.parse(rule)));
            Selection select = parse("select", () -> Selection.parse(settings.select().orElse("")));
            MaskPlan mask = text ? MaskPlan.NONE : maskPlan(operation);
            settings.generator().ifPresent(generator -> check("generator", () -> generators.check(generator)));
            settings.prompt().ifPresent(prompt -> check("prompt", () -> PromptTemplate.check(prompt)));
            settings.negativePrompt().ifPresent(prompt -> check("negative-prompt", () -> PromptTemplate.check(prompt)));
            SeedPolicy seed = parse("seed", () -> SeedPolicy.parse(settings.seed().orElse("")));
            int candidates = settings.candidates();
            if (candidates < 1 || candidates > MAX_CANDIDATES) {
                problem("candidates", "must be 1 to " + MAX_CANDIDATES + ", not " + candidates);
            }
            int steps = steps(operation, mask);
            ReviewPolicy review = parse("review", () -> ReviewPolicy.parse(settings.review()));
            int readers = readers(review);
            List<String> destinations = destinations();
            Optional<DeidOptions> deid = settings.deidRetain()
                    .map(retain -> parse("deid-retain", () -> DeidOptions.parse(retain, deidDefaults)));
            OptionalInt budget = settings.budget().imagesPerDay();
            if (budget.isPresent() && budget.getAsInt() < 0) {
                problem("budget.images-per-day", "must be 0 or more, not " + budget.getAsInt());
            }
            if (failed) {
                return Optional.empty();
            }
            return Optional.of(new Experiment(name, operation, when, select, mask, settings.generator(),
                    settings.prompt(), settings.negativePrompt(), seed, candidates, steps, review, readers, destinations, deid,
                    budget));
        }

        /** A text-to-image experiment's runs name their generator, prompt, candidates and seed. */
        private void refuseSettingsOfImages() {
            Map<String, Boolean> given = Map.of("when", settings.when().isPresent(), "select",
                    settings.select().isPresent(), "mask", settings.mask().isPresent(), "presets",
                    !settings.presets().isEmpty(), "generator", settings.generator().isPresent(), "prompt",
                    settings.prompt().isPresent(), "negative-prompt", settings.negativePrompt().isPresent(), "seed",
                    settings.seed().isPresent(), "candidates", settings.candidates() != 1, "steps",
                    settings.steps() != 1);
            new TreeMap<>(given).forEach((key, present) -> {
                if (present) {
                    problem(key, "a txt2img experiment does not read it: each run names its generator, prompt,"
                            + " candidates and seed (POST /api/experiments/txt2img/runs)");
                }
            });
        }

        private MaskPlan maskPlan(GenerationOperation operation) {
            if (settings.mask().isEmpty() && settings.presets().isEmpty()) {
                problem("mask", "is required: the region every image regenerates, in the mask language (or"
                        + " presets.<BODY PART> with a mask for the other body parts)");
                return MaskPlan.NONE;
            }
            Optional<MaskSpec> fallback = settings.mask().map(text -> mask("mask", text, operation));
            Map<String, MaskSpec> presets = new TreeMap<>();
            new TreeMap<>(settings.presets()).forEach((part, text) -> {
                String key = "presets." + part;
                if (!BODY_PART.matcher(part.strip().toUpperCase(Locale.ROOT)).matches()) {
                    problem(key, "'" + part + "' is not a value of Body Part Examined (e.g. CHEST, TSPINE)");
                }
                MaskSpec spec = mask(key, text, operation);
                if (spec != null) {
                    presets.put(part, spec);
                }
            });
            return new MaskPlan(fallback, presets);
        }

        /** Readers per candidate: more than one only where the review policy holds candidates for them. */
        private int readers(ReviewPolicy review) {
            int readers = settings.readers();
            if (readers < 1 || readers > MAX_READERS) {
                problem("readers", "must be 1 to " + MAX_READERS + ", not " + readers);
                return 1;
            }
            if (readers > 1 && (review == null || !review.holds())) {
                problem("readers", readers + " readers need review=required or review=recorded, which hold candidates"
                        + " for them");
                return 1;
            }
            return readers;
        }

        /**
         * Steps of a chained outpainting: each grows the previous result by the mask's extend, so the
         * mask must be an extend alone (a shape would regenerate a different place at every step).
         */
        private int steps(GenerationOperation operation, MaskPlan mask) {
            int steps = settings.steps();
            if (steps < 1 || steps > MAX_STEPS) {
                problem("steps", "must be 1 to " + MAX_STEPS + ", not " + steps);
                return 1;
            }
            if (steps > 1 && operation != GenerationOperation.OUTPAINT) {
                problem("steps", "only operation outpaint grows a canvas step by step, not "
                        + operation.name().toLowerCase(Locale.ROOT));
                return 1;
            }
            List<MaskSpec> specs = new ArrayList<>(mask.byBodyPart().values());
            mask.fallback().ifPresent(specs::add);
            if (steps > 1 && specs.stream().anyMatch(spec -> !(spec instanceof MaskSpec.Extend))) {
                problem("steps", "a chained outpainting takes a mask of one extend alone ('extend top 25% bottom"
                        + " 25%'), grown again at every step");
                return 1;
            }
            return steps;
        }

        /** A mask parsed and checked against the operation: outpainting, and only it, grows the canvas. */
        private MaskSpec mask(String key, String text, GenerationOperation operation) {
            MaskSpec spec = parse(key, () -> MaskSpec.parse(text));
            if (spec == null) {
                return null;
            }
            boolean grows = !spec.growth(PROBE_SIDE, PROBE_SIDE).isNone();
            if (operation == GenerationOperation.OUTPAINT && !grows) {
                problem(key, "outpaint needs a mask that grows the canvas ('extend top 25% bottom 25%'), not '"
                        + spec.text() + "'");
            } else if (operation != GenerationOperation.OUTPAINT && grows) {
                problem(key, "'" + spec.text() + "' grows the canvas, which only operation outpaint paints, not "
                        + operation.name().toLowerCase(Locale.ROOT));
            }
            return spec;
        }

        private List<String> destinations() {
            List<String> named = settings.destination().orElse(List.of()).stream().map(String::strip)
                    .filter(d -> !d.isEmpty()).toList();
            if (named.isEmpty()) {
                List<String> research = researchDestinations.entrySet().stream().filter(Map.Entry::getValue)
                        .map(Map.Entry::getKey).toList();
                if (research.size() == 1) {
                    return research;
                }
                // A switched-off experiment need not name one: a job it still runs fails with the reason.
                if (settings.enabled()) {
                    problem("destination", "is required when there is not exactly one destination of kind research;"
                            + " the research destinations are " + research);
                }
                return List.of();
            }
            for (String destination : named) {
                Boolean research = researchDestinations.get(destination);
                if (research == null) {
                    problem("destination", "no destination '" + destination + "' under synthgate.destinations; known: "
                            + researchDestinations.keySet());
                } else if (!research) {
                    problem("destination", "'" + destination + "' is of kind clinical, which never receives synthetic"
                            + " objects");
                }
            }
            return named;
        }

        private <T> T parse(String key, Supplier<T> parser) {
            try {
                return parser.get();
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return null;
            }
        }

        private void check(String key, Runnable check) {
            parse(key, () -> {
                check.run();
                return Boolean.TRUE;
            });
        }

        private void problem(String key, String what) {
            failed = true;
            problems.add(PREFIX + name + "." + key + ": " + what);
        }
    }
}
