package io.synthgate.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreement between readers, chance-corrected, on answers in categories such as approve or reject, or
 * real or synthetic: Cohen's kappa when the same two readers rated every item, else Fleiss' kappa over
 * the items with the usual number of ratings (Fleiss 1971). Items with fewer than two ratings do not
 * count.
 *
 * @param measure "Cohen's kappa" or "Fleiss' kappa"
 * @param kappa the coefficient; NaN when chance agreement is total (every verdict the same), where kappa
 *     is undefined
 * @param observed the share of agreeing pairs of ratings
 * @param candidates items counted
 * @param readersPerCandidate ratings per counted item
 */
public record Agreement(String measure, double kappa, double observed, int candidates, int readersPerCandidate) {

    /**
     * The agreement of the items' ratings, each item's by reader; empty when fewer than two items have
     * two ratings or more.
     */
    public static Optional<Agreement> of(List<Map<String, String>> items) {
        Map<Integer, List<Map<String, String>>> byCount = new HashMap<>();
        for (Map<String, String> ratings : items) {
            if (ratings.size() >= 2) {
                byCount.computeIfAbsent(ratings.size(), count -> new ArrayList<>()).add(ratings);
            }
        }
        Optional<Map.Entry<Integer, List<Map<String, String>>>> usual = byCount.entrySet().stream()
                .max(Map.Entry.<Integer, List<Map<String, String>>>comparingByValue((a, b) -> a.size() - b.size())
                        .thenComparing(Map.Entry.comparingByKey()));
        if (usual.isEmpty() || usual.get().getValue().size() < 2) {
            return Optional.empty();
        }
        int readers = usual.get().getKey();
        List<Map<String, String>> rated = usual.get().getValue();
        Set<String> names = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        rated.forEach(readings -> {
            names.addAll(readings.keySet());
            categories.addAll(readings.values());
        });
        return Optional.of(readers == 2 && names.size() == 2 ? cohen(rated, List.copyOf(names), List.copyOf(categories))
                : fleiss(rated, readers, List.copyOf(categories)));
    }

    /** "Cohen's kappa 0.62 (observed agreement 80%, 10 images, 2 readers each)". */
    public String describe() {
        String coefficient = Double.isNaN(kappa) ? "undefined (every verdict the same)"
                : String.format(Locale.ROOT, "%.2f", kappa);
        return String.format(Locale.ROOT, "%s %s (observed agreement %.0f%%, %d images, %d readers each)", measure,
                coefficient, observed * 100, candidates, readersPerCandidate);
    }

    private static Agreement cohen(List<Map<String, String>> rated, List<String> readers, List<String> categories) {
        double agreed = 0;
        double[] first = new double[categories.size()];
        double[] second = new double[categories.size()];
        for (Map<String, String> readings : rated) {
            String a = readings.get(readers.get(0));
            String b = readings.get(readers.get(1));
            agreed += a.equals(b) ? 1 : 0;
            first[categories.indexOf(a)]++;
            second[categories.indexOf(b)]++;
        }
        int n = rated.size();
        double observed = agreed / n;
        double chance = 0;
        for (int category = 0; category < categories.size(); category++) {
            chance += (first[category] / n) * (second[category] / n);
        }
        return new Agreement("Cohen's kappa", kappa(observed, chance), observed, n, 2);
    }

    private static Agreement fleiss(List<Map<String, String>> rated, int readers, List<String> categories) {
        double[] totals = new double[categories.size()];
        double agreement = 0;
        for (Map<String, String> readings : rated) {
            double[] counts = new double[categories.size()];
            readings.values().forEach(rating -> counts[categories.indexOf(rating)]++);
            double pairs = 0;
            for (int category = 0; category < counts.length; category++) {
                pairs += counts[category] * (counts[category] - 1);
                totals[category] += counts[category];
            }
            agreement += pairs / (readers * (readers - 1.0));
        }
        int n = rated.size();
        double observed = agreement / n;
        double chance = 0;
        for (double total : totals) {
            double share = total / (n * (double) readers);
            chance += share * share;
        }
        return new Agreement("Fleiss' kappa", kappa(observed, chance), observed, n, readers);
    }

    private static double kappa(double observed, double chance) {
        return chance >= 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }
}
