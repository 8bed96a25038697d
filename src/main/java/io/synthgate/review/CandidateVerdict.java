package io.synthgate.review;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a candidate's readers decided: every reader's verdict, kept, and the outcome once as many as the
 * experiment asks for ({@code readers}) are in: approved when most of them approve, so a tie rejects
 * it (nothing reaches the research PACS unless most readers want it there).
 *
 * @param readings each reader's verdict, in the order given
 * @param readersRequired how many readers decide the candidate
 */
public record CandidateVerdict(List<ReviewDecision> readings, int readersRequired) {

    public CandidateVerdict {
        readings = List.copyOf(readings);
    }

    /** APPROVED or REJECTED once every reader has decided; empty before. */
    public Optional<String> decision() {
        if (readings.size() < readersRequired) {
            return Optional.empty();
        }
        return Optional.of(outcome(readings.stream().map(ReviewDecision::decision).toList()));
    }

    /** The mean of the grades given, when any reader gave one. */
    public Optional<Double> meanGrade() {
        OptionalDouble mean = readings.stream().filter(reading -> reading.grade() != null)
                .mapToInt(ReviewDecision::grade).average();
        return mean.isPresent() ? Optional.of(mean.getAsDouble()) : Optional.empty();
    }

    /** The majority of {@code decisions} (APPROVED or REJECTED each); a tie is REJECTED. */
    static String outcome(List<String> decisions) {
        long approvals = decisions.stream().filter("APPROVED"::equals).count();
        return approvals * 2 > decisions.size() ? "APPROVED" : "REJECTED";
    }
}
