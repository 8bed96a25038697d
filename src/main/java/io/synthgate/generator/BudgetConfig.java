package io.synthgate.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/** Generation budgets per experiment: {@code synthgate.budget.<experiment>.images-per-day}. */
@ConfigMapping(prefix = "synthgate.budget")
public interface BudgetConfig {

    /** Budgets by experiment name (the route's {@code SynthGateExperiment}); an experiment without one is unlimited. */
    @WithParentName
    Map<String, Budget> experiments();

    /** One experiment's budget. */
    interface Budget {
        /** Images the experiment may ask generators for per UTC day, every candidate counted. Required. */
        int imagesPerDay();
    }
}
