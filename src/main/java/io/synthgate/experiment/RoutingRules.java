package io.synthgate.experiment;

import io.synthgate.dicom.Selection;
import io.synthgate.pipeline.Experiment;
import io.synthgate.study.SourceInstance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which experiments a completed study goes through, in the style of dcm4chee's export rules: every
 * enabled experiment whose {@code when} rule one of the study's instances meets, in name order; one
 * without a rule takes every study. Zero, one or several: each runs in a job of its own.
 */
final class RoutingRules {

    private RoutingRules() {
    }

    /**
     * The experiments of {@code candidates} that take a study of these instances.
     *
     * @throws IOException when a rule needs an instance's header and it cannot be read
     */
    static List<Experiment> choose(List<Experiment> candidates, List<SourceInstance> instances) throws IOException {
        List<Experiment> chosen = new ArrayList<>();
        for (Experiment experiment : candidates) {
            if (takes(experiment.when(), instances)) {
                chosen.add(experiment);
            }
        }
        return chosen;
    }

    private static boolean takes(Optional<Selection> rule, List<SourceInstance> instances) throws IOException {
        if (rule.isEmpty() || rule.get().takesAll()) {
            return true;
        }
        for (SourceInstance instance : instances) {
            if (rule.get().takesInstance(instance.file(), instance.callingAe())) {
                return true;
            }
        }
        return false;
    }
}
