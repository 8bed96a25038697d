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
 * Agreement between readers on approve or reject, chance-corrected: Cohen's kappa when the same two
 * readers decided every candidate, else Fleiss' kappa over the candidates with the usual number of
 * readers (Fleiss 1971). Candidates with fewer than two verdicts do not count.
 *
 * @param measure "Cohen's kappa" or "Fleiss' kappa"
 * @param kappa the coefficient; NaN when chance agreement is total (every verdict the same), where kappa
 *     is undefined
 * @param observed the share of agreeing pairs of verdicts
 * @param candidates candidates counted
 * @param readersPerCandidate verdicts per counted candidate
 */
public record Agreement(String measure, double kappa, double observed, int candidates, int readersPerCandidate) {

    private static final List<String> CATEGORIES = List.of("APPROVED", "REJECTED");

    /** The agreement of the candidates' readings; empty when fewer than two candidates have two verdicts or more. */
    public static Optional<Agreement> of(List<Report.Candidate> candidates) {
        Map<Integer, List<Map<String, String>>> byCount = new HashMap<>();
        for (Report.Candidate candidate : candidates) {
            if (candidate.readings().size() >= 2) {
                byCount.computeIfAbsent(candidate.readings().size(), count -> new ArrayList<>()).add(candidate.readings());
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
        rated.forEach(readings -> names.addAll(readings.keySet()));
        return Optional.of(readers == 2 && names.size() == 2 ? cohen(rated, List.copyOf(names)) : fleiss(rated, readers));
    }

    /** "Cohen's kappa 0.62 (observed agreement 80%, 10 candidates, 2 readers each)". */
    public String describe() {
        String coefficient = Double.isNaN(kappa) ? "undefined (every verdict the same)"
                : String.format(Locale.ROOT, "%.2f", kappa);
        return String.format(Locale.ROOT, "%s %s (observed agreement %.0f%%, %d candidates, %d readers each)", measure,
                coefficient, observed * 100, candidates, readersPerCandidate);
    }

    private static Agreement cohen(List<Map<String, String>> rated, List<String> readers) {
        double agreed = 0;
        double[] first = new double[CATEGORIES.size()];
        double[] second = new double[CATEGORIES.size()];
        for (Map<String, String> readings : rated) {
            String a = readings.get(readers.get(0));
            String b = readings.get(readers.get(1));
            agreed += a.equals(b) ? 1 : 0;
            first[CATEGORIES.indexOf(a)]++;
            second[CATEGORIES.indexOf(b)]++;
        }
        int n = rated.size();
        double observed = agreed / n;
        double chance = 0;
        for (int category = 0; category < CATEGORIES.size(); category++) {
            chance += (first[category] / n) * (second[category] / n);
        }
        return new Agreement("Cohen's kappa", kappa(observed, chance), observed, n, 2);
    }

    private static Agreement fleiss(List<Map<String, String>> rated, int readers) {
        double[] totals = new double[CATEGORIES.size()];
        double agreement = 0;
        for (Map<String, String> readings : rated) {
            double[] counts = new double[CATEGORIES.size()];
            readings.values().forEach(decision -> counts[CATEGORIES.indexOf(decision)]++);
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
