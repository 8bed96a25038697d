package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Configured parameter text as the JSON value a provider expects. */
final class JsonValues {

    private JsonValues() {
    }

    /** {@code true}/{@code false} as booleans, integers and decimals as numbers, anything else as text. */
    static JsonNode typed(ObjectMapper mapper, String value) {
        String text = value.strip();
        if (text.equals("true") || text.equals("false")) {
            return mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
        }
        if (text.matches("-?\\d{1,18}")) {
            return mapper.getNodeFactory().numberNode(Long.parseLong(text));
        }
        if (text.matches("-?\\d+\\.\\d+([eE]-?\\d+)?")) {
            return mapper.getNodeFactory().numberNode(Double.parseDouble(text));
        }
        return mapper.getNodeFactory().textNode(value);
    }
}
