package io.synthgate.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgate.generator.GenerationRefusedException;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class JobStepTest {

    @Test
    void aFailureInAParallelSplitIsRecordedByItsCauseNotByTheExchange() {
        Exception wrapped = new CamelExchangeException("Exception occurred during execution", null,
                new GenerationRefusedException("Generator 'openai' answered REFUSED (content_policy_violation)"));
        assertEquals("Generator 'openai' answered REFUSED (content_policy_violation)", JobStep.describe(wrapped));
    }

    @Test
    void aFailureInsideALoopInsideASplitIsRecordedByItsCause() {
        Exception wrapped = new CamelExchangeException("Exception occurred during execution", null,
                new CamelExecutionException("Exception occurred during execution on the exchange", null,
                        new IllegalArgumentException("Mask spec 'circle 1 2 3' is not rectangle")));
        assertEquals("Mask spec 'circle 1 2 3' is not rectangle", JobStep.describe(wrapped));
    }

    @Test
    void anErrorIsNamedByItsClass() {
        Exception wrapped = new CamelExchangeException("Exception occurred during execution", null,
                new OutOfMemoryError("Java heap space"));
        assertEquals("OutOfMemoryError: Java heap space", JobStep.describe(wrapped));
    }

    @Test
    void aPlainFailureKeepsItsOwnMessage() {
        assertEquals("C-STORE to research failed", JobStep.describe(new IllegalStateException("C-STORE to research failed",
                new RuntimeException("connection refused"))));
    }
}
