package io.synthgate.readerstudy;

import io.synthgate.report.Agreement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a reader study found. Synthetic is the positive class: sensitivity is the share of synthetic
 * images called synthetic, specificity the share of real ones called real. The ROC curve ranks each
 * answer on one scale of ten, from "real, confidence 5" (1) to "synthetic, confidence 5" (10); its area
 * is the chance that a synthetic image is ranked above a real one (ties count half). Readers who cannot
 * tell real from synthetic score an accuracy and an AUC near 0.5.
 *
 * @param overall every reading pooled
 * @param byReader each reader's, by name
 * @param byBodyPart every reading pooled per body part of the image
 * @param agreement agreement between readers on real or synthetic, when items have two readings or more
 */
public record ReaderStudyResults(Performance overall, List<Performance> byReader, List<Performance> byBodyPart,
        Optional<Agreement> agreement) {

    /**
     * One group's performance; a figure is null where the group has no reading it needs.
     *
     * @param group "all readers", a reader's name or a body part
     * @param readings answers given
     * @param accuracy share of correct answers
     * @param sensitivity share of synthetic images called synthetic
     * @param specificity share of real images called real
     * @param rocAuc area under the ROC curve of the confidence-ranked answers
     * @param plausibilityReal mean plausibility rating (1-5) of the real images
     * @param plausibilitySynthetic mean plausibility rating (1-5) of the synthetic ones
     */
    public record Performance(String group, int readings, Double accuracy, Double sensitivity, Double specificity,
            Double rocAuc, Double plausibilityReal, Double plausibilitySynthetic) {
    }

    /** The results of {@code readings} on {@code items}. */
    static ReaderStudyResults of(List<ReadingItemEntity> items, List<ReadingEntity> readings) {
        Map<UUID, ReadingItemEntity> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id, item));
        List<Answer> answers = readings.stream().filter(reading -> byId.containsKey(reading.itemId))
                .map(reading -> new Answer(byId.get(reading.itemId), reading)).toList();
        Map<String, List<Answer>> readers = new TreeMap<>();
        Map<String, List<Answer>> bodyParts = new TreeMap<>();
        Map<UUID, Map<String, String>> ratings = new LinkedHashMap<>();
        for (Answer answer : answers) {
            readers.computeIfAbsent(answer.reading().reader, name -> new ArrayList<>()).add(answer);
            String part = answer.item().bodyPart == null || answer.item().bodyPart.isBlank() ? "(none)"
                    : answer.item().bodyPart;
            bodyParts.computeIfAbsent(part, name -> new ArrayList<>()).add(answer);
            ratings.computeIfAbsent(answer.item().id, id -> new TreeMap<>())
                    .put(answer.reading().reader, answer.reading().answer.name());
        }
        return new ReaderStudyResults(performance("all readers", answers),
                readers.entrySet().stream().map(e -> performance(e.getKey(), e.getValue())).toList(),
                bodyParts.entrySet().stream().map(e -> performance(e.getKey(), e.getValue())).toList(),
                Agreement.of(List.copyOf(ratings.values())));
    }

    private record Answer(ReadingItemEntity item, ReadingEntity reading) {

        boolean synthetic() {
            return item.truth == Origin.SYNTHETIC;
        }

        boolean correct() {
            return reading.answer == item.truth;
        }

        /** 1 (real, sure) to 10 (synthetic, sure). */
        int score() {
            return reading.answer == Origin.SYNTHETIC ? 5 + reading.confidence : 6 - reading.confidence;
        }
    }

    private static Performance performance(String group, List<Answer> answers) {
        List<Answer> synthetic = answers.stream().filter(Answer::synthetic).toList();
        List<Answer> real = answers.stream().filter(answer -> !answer.synthetic()).toList();
        return new Performance(group, answers.size(), share(answers, Answer::correct), share(synthetic, Answer::correct),
                share(real, Answer::correct), auc(synthetic, real), plausibility(real), plausibility(synthetic));
    }

    private static Double share(List<Answer> answers, Predicate<Answer> counted) {
        return answers.isEmpty() ? null : answers.stream().filter(counted).count() / (double) answers.size();
    }

    /** Mann-Whitney: the share of (synthetic, real) pairs in which the synthetic image scores higher. */
    private static Double auc(List<Answer> synthetic, List<Answer> real) {
        if (synthetic.isEmpty() || real.isEmpty()) {
            return null;
        }
        double wins = 0;
        for (Answer positive : synthetic) {
            for (Answer negative : real) {
                wins += positive.score() > negative.score() ? 1 : positive.score() == negative.score() ? 0.5 : 0;
            }
        }
        return wins / ((double) synthetic.size() * real.size());
    }

    private static Double plausibility(List<Answer> answers) {
        return answers.isEmpty() ? null
                : answers.stream().mapToInt(answer -> answer.reading().plausibility).average().getAsDouble();
    }
}
