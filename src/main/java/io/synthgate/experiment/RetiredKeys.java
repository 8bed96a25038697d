package io.synthgate.experiment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What replaced each key of the single-experiment form ({@code synthgate.experiment.*}, and budgets
 * under {@code synthgate.budget.*}), retired when experiments became typed settings: a configuration
 * that still sets one stops the start with its replacement, instead of running with the defaults.
 */
final class RetiredKeys {

    private static final Pattern EXPERIMENT_KEY = Pattern.compile("synthgate\\.experiment\\.([^.]+)\\.(.+)");
    private static final Pattern BUDGET_KEY = Pattern.compile("synthgate\\.budget\\.([^.]+)\\.images-per-day");

    private RetiredKeys() {
    }

    /** What to write instead of {@code key}, in words. */
    static String replacement(String key) {
        if (key.equals("synthgate.experiment.active")) {
            return "retired; every experiment with synthgate.experiments.<name>.enabled=true takes the studies its"
                    + " synthgate.experiments.<name>.when rule takes (README: Experiments)";
        }
        Matcher budget = BUDGET_KEY.matcher(key);
        if (budget.matches()) {
            return "retired; write synthgate.experiments." + budget.group(1) + ".budget.images-per-day";
        }
        Matcher experiment = EXPERIMENT_KEY.matcher(key);
        if (experiment.matches()) {
            String setting = experiment.group(2).equals("other-mask") ? "mask" : experiment.group(2);
            return "retired; write synthgate.experiments." + experiment.group(1) + "." + setting
                    + (experiment.group(2).equals("other-mask") ? " (the mask of body parts without a preset)" : "");
        }
        return "retired; experiments are configured under synthgate.experiments.<name>.* (README: Experiments)";
    }
}
