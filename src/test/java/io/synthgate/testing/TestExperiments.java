package io.synthgate.testing;

import io.synthgate.dicom.Selection;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.MaskPlan;
import io.synthgate.pipeline.ReviewPolicy;
import io.synthgate.pipeline.SeedPolicy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Typed experiments for tests that call steps directly, as the loader would build them from settings. */
public final class TestExperiments {

    private String name = "test";
    private GenerationOperation operation = GenerationOperation.INPAINT;
    private MaskPlan mask = MaskPlan.of(MaskSpec.parse("rectangle 40% 40% 20% 20%"));
    private Optional<String> generator = Optional.empty();
    private Optional<String> prompt = Optional.empty();
    private OptionalInt imagesPerDay = OptionalInt.empty();
    private int steps = 1;

    private TestExperiments() {
    }

    /** An inpaint experiment named {@code name}: the central 4%, the default generator. */
    public static TestExperiments named(String name) {
        TestExperiments experiment = new TestExperiments();
        experiment.name = name;
        return experiment;
    }

    /** An inpaint experiment named "test" asking {@code generator} (null: the default). */
    public static Experiment generating(String generator) {
        return named("test").generator(generator).build();
    }

    public TestExperiments operation(GenerationOperation operation) {
        this.operation = operation;
        return this;
    }

    public TestExperiments mask(String spec) {
        this.mask = MaskPlan.of(MaskSpec.parse(spec));
        return this;
    }

    public TestExperiments generator(String generator) {
        this.generator = Optional.ofNullable(generator);
        return this;
    }

    public TestExperiments prompt(String prompt) {
        this.prompt = Optional.ofNullable(prompt);
        return this;
    }

    public TestExperiments imagesPerDay(int images) {
        this.imagesPerDay = OptionalInt.of(images);
        return this;
    }

    public TestExperiments steps(int steps) {
        this.steps = steps;
        return this;
    }

    public Experiment build() {
        return new Experiment(name, operation, Optional.empty(), Selection.parse(""), mask, generator, prompt,
                Optional.empty(), SeedPolicy.DERIVED, 1, steps, ReviewPolicy.NONE, 1, List.of("research"), Optional.empty(),
                imagesPerDay);
    }
}
