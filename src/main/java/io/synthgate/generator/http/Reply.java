package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A provider's HTTP answer.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body as received
 */
record Reply(int status, HttpHeaders headers, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; a {@link MalformedReplyException} when it is not. */
    JsonNode json(ObjectMapper mapper) throws MalformedReplyException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedReplyException("HTTP " + status + " with an empty body where JSON was expected");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedReplyException("HTTP " + status + " with a body that is not JSON: " + e.getMessage());
        }
    }

    /** The body as JSON when it is JSON, for error bodies that may be anything (a proxy's HTML page). */
    Optional<JsonNode> jsonIfAny(ObjectMapper mapper) {
        try {
            return Optional.of(json(mapper));
        } catch (MalformedReplyException e) {
            return Optional.empty();
        }
    }
}
