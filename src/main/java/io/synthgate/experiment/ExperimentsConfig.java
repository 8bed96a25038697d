package io.synthgate.experiment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The experiments completed studies and text-to-image runs go through:
 * {@code synthgate.experiments.<name>.*}. Every value is parsed and checked when SynthGate starts; a
 * bad one stops the start with a message naming its key. Each study experiment runs in the route
 * {@code direct:experiment-<name>} ({@code camel-routes/}).
 */
@ConfigMapping(prefix = "synthgate.experiments")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ExperimentsConfig {

    /** Experiments by name: lower case letters, digits and hyphens, as in route ids. */
    @WithParentName
    Map<String, Settings> experiments();

    /** One experiment. */
    interface Settings {

        /**
         * Whether the routing rules may give it completed studies. Switching one off leaves its jobs
         * already routed to it running. Default {@code true}; of the shipped experiments only
         * {@code inpaint} is on.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Which completed studies it takes, in the selection language: criteria joined by {@code ;},
         * each {@code Keyword=VALUE,VALUE,...} (any value, {@code *} for any characters, case ignored)
         * or {@code Keyword~REGEX} (a regular expression found in the value, case ignored), over the
         * calling AE title ({@code CallingAETitle}) and any DICOM attribute keyword, e.g.
         * {@code CallingAETitle=CR_ROOM1; Modality=CR,DX; BodyPartExamined=KNEE} or
         * {@code StudyDescription~knee|patella}. A study is taken when one of its instances meets every
         * criterion. Default: every study.
         */
        Optional<String> when();

        /** {@code inpaint}, {@code erase}, {@code outpaint} or {@code txt2img} (text-to-image runs). Default {@code inpaint}. */
        @WithDefault("inpaint")
        String operation();

        /**
         * Which of a taken study's instances it processes, in the selection language of {@link #when()}.
         * Default: every instance.
         */
        Optional<String> select();

        /**
         * The region to regenerate, in the mask language ({@code camel-routes/README.md}); for
         * {@code outpaint} an {@code extend}. With {@link #presets()}, the mask of an image whose body
         * part has no preset. Required for an image experiment without presets.
         */
        Optional<String> mask();

        /**
         * Masks by Body Part Examined, e.g. {@code presets.CHEST=ellipse 30% 60% 12% 14%}: each image gets
         * the mask of its body part, else {@link #mask()}. Default: none.
         */
        Map<String, String> presets();

        /** The generator's name under {@code synthgate.generator}. Default: {@code synthgate.generator.default}. */
        Optional<String> generator();

        /**
         * The prompt template; {@code {bodyPart}}, {@code {modality}} and {@code {laterality}} are filled in
         * per image. HTTP generators need one; an {@code erase} without one asks for "the same {bodyPart}
         * X-ray with the marked element removed". Default: none.
         */
        Optional<String> prompt();

        /** What the result should not show, a template like {@link #prompt()}. Default: none. */
        Optional<String> negativePrompt();

        /**
         * The seed every request asks for: a number, or {@code random} (the provider picks and SynthGate
         * records the seed it reports). Default: a seed derived from job, image and candidate, so a retried
         * job asks for the same seed.
         */
        Optional<String> seed();

        /** Candidates per image, 1 to 16, each from its own seed, all kept. Default {@code 1}. */
        @WithDefault("1")
        int candidates();

        /**
         * Outpainting only: how many times each candidate's canvas grows, 1 to 8. Each step grows the
         * previous step's result by the mask's {@code extend} (a percentage of that result's size), so
         * {@code extend top 25% bottom 25%} with 3 steps makes a canvas about 3.4 times the source's
         * height. One object per candidate records every step. Default {@code 1}.
         */
        @WithDefault("1")
        int steps();

        /**
         * {@code none}, {@code required} (candidates wait for a radiologist; only approved ones are
         * exported) or {@code recorded} (they wait, then all are exported with the verdict written into
         * each). Default {@code none}.
         */
        @WithDefault("none")
        String review();

        /**
         * How many readers each give every candidate a verdict, 1 to 10, when {@code review} holds
         * candidates: each verdict is kept, the candidate is decided by the majority once all are in
         * (a tie rejects it), and the report gives the agreement between readers. Default {@code 1}.
         */
        @WithDefault("1")
        int readers();

        /**
         * Where its outputs go: names under {@code synthgate.destinations}, comma-separated, each of kind
         * {@code research}; each receives every output. Default: the one research destination, when
         * exactly one is configured.
         */
        Optional<List<String>> destination();

        /**
         * What the de-identified copy keeps beyond the PS3.15 Basic Profile: a comma list of
         * {@code modified-dates}, {@code patient-characteristics}, {@code descriptors},
         * {@code series-description}, {@code device-identity}, {@code institution-identity}, or
         * {@code none}. Default: the {@code synthgate.deid.retain-*} settings.
         */
        Optional<String> deidRetain();

        /** Its generation budget. */
        Budget budget();
    }

    /** What an experiment may ask generators for. */
    interface Budget {

        /**
         * Images it may ask generators for per UTC day, every candidate counted, across replicas (the
         * count is in the database). Default: no cap.
         */
        OptionalInt imagesPerDay();
    }
}
