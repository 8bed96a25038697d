package io.synthgate.generator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One audited generator call, as the REST API shows it and the audit stores it.
 *
 * @param calledAt when the call went out (or was stopped)
 * @param generator the generator's configured name
 * @param provider the provider API ({@code openai}, {@code a1111}, ...)
 * @param model the model asked for
 * @param operation INPAINT, OUTPAINT, ERASE or TXT2IMG
 * @param reference the pseudonymous job reference sent with the call
 * @param attempt 1 for the first call of a request, counting up with retries
 * @param endpoint the URL path called, without query or credentials
 * @param httpStatus the HTTP status, empty when no answer came or the guard stopped the call
 * @param outcome OK, REFUSED, FILTERED, THROTTLED or ERROR
 * @param providerCode the provider's code for the outcome, if any
 * @param requestId the provider's request id, if any
 * @param detail the provider's message or ours
 * @param prompt the prompt sent (it passed the PHI screen)
 * @param inputSha256 SHA-256 of the image bytes sent
 * @param maskSha256 SHA-256 of the mask bytes sent
 * @param outputSha256 SHA-256 of each image returned, as received
 * @param latencyMillis how long the call took
 */
public record GeneratorCall(Instant calledAt, String generator, String provider, String model, String operation,
        String reference, int attempt, String endpoint, Optional<Integer> httpStatus, String outcome,
        Optional<String> providerCode, Optional<String> requestId, String detail, String prompt,
        Optional<String> inputSha256, Optional<String> maskSha256, List<String> outputSha256, long latencyMillis) {

    public GeneratorCall {
        outputSha256 = List.copyOf(outputSha256);
    }
}
