package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Open Inference Protocol v2 answer: the JSON header and its output tensors, whose data is either
 * inline JSON or raw little-endian bytes after the header (binary tensor extension, the header's
 * length given by {@code Inference-Header-Content-Length}).
 */
final class InferenceReply {

    /** One output tensor. */
    record Tensor(String name, String datatype, long[] shape, JsonNode data, byte[] raw) {

        /** The tensor's bytes: the raw binary data, or the inline values each taken as one byte. */
        byte[] bytes() {
            if (raw != null) {
                return raw;
            }
            byte[] out = new byte[data.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) data.get(i).asInt();
            }
            return out;
        }
    }

    private final JsonNode header;
    private final Map<String, Tensor> outputs;

    private InferenceReply(JsonNode header, Map<String, Tensor> outputs) {
        this.header = header;
        this.outputs = outputs;
    }

    static InferenceReply parse(Reply reply, ObjectMapper mapper) throws MalformedReplyException {
        byte[] body = reply.body();
        int headerLength = body.length;
        if (reply.header("Inference-Header-Content-Length").isPresent()) {
            try {
                headerLength = Integer.parseInt(reply.header("Inference-Header-Content-Length").get().strip());
            } catch (NumberFormatException e) {
                throw new MalformedReplyException("Inference-Header-Content-Length is not a number");
            }
            if (headerLength < 0 || headerLength > body.length) {
                throw new MalformedReplyException("Inference-Header-Content-Length " + headerLength + " exceeds the body's "
                        + body.length + " bytes");
            }
        }
        JsonNode header = new Reply(reply.status(), reply.headers(), Arrays.copyOf(body, headerLength)).json(mapper);
        JsonNode outputs = header.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            throw new MalformedReplyException("an inference answer without outputs");
        }
        Map<String, Tensor> tensors = new HashMap<>();
        int offset = headerLength;
        for (JsonNode output : outputs) {
            long[] shape = new long[output.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = output.path("shape").get(i).asLong();
            }
            byte[] raw = null;
            JsonNode size = output.path("parameters").path("binary_data_size");
            if (size.canConvertToInt()) {
                if (offset + size.asInt() > body.length) {
                    throw new MalformedReplyException("output '" + output.path("name").asText() + "' announces "
                            + size.asInt() + " binary bytes beyond the end of the body");
                }
                raw = Arrays.copyOfRange(body, offset, offset + size.asInt());
                offset += size.asInt();
            } else if (!output.path("data").isArray()) {
                throw new MalformedReplyException("output '" + output.path("name").asText() + "' carries no data");
            }
            tensors.put(output.path("name").asText(), new Tensor(output.path("name").asText(),
                    output.path("datatype").asText(), shape, output.path("data"), raw));
        }
        return new InferenceReply(header, tensors);
    }

    JsonNode header() {
        return header;
    }

    Tensor tensor(String name) throws MalformedReplyException {
        Tensor tensor = outputs.get(name);
        if (tensor == null) {
            throw new MalformedReplyException("the answer lacks output '" + name + "'; outputs: " + outputs.keySet());
        }
        return tensor;
    }

    /** A BOOL output's values; empty when the model has no such output. */
    List<Boolean> booleans(String name) {
        Tensor tensor = outputs.get(name);
        List<Boolean> values = new ArrayList<>();
        if (tensor != null) {
            for (byte value : tensor.raw() != null ? tensor.raw() : jsonBooleans(tensor.data())) {
                values.add(value != 0);
            }
        }
        return values;
    }

    /** An integer output's values (INT64 or INT32 when binary); empty when the model has no such output. */
    List<Long> longs(String name) {
        Tensor tensor = outputs.get(name);
        List<Long> values = new ArrayList<>();
        if (tensor == null) {
            return values;
        }
        if (tensor.raw() != null) {
            ByteBuffer buffer = ByteBuffer.wrap(tensor.raw()).order(ByteOrder.LITTLE_ENDIAN);
            boolean wide = !"INT32".equals(tensor.datatype()) && !"UINT32".equals(tensor.datatype());
            while (buffer.remaining() >= (wide ? 8 : 4)) {
                values.add(wide ? buffer.getLong() : buffer.getInt());
            }
        } else {
            tensor.data().forEach(value -> values.add(value.asLong()));
        }
        return values;
    }

    private static byte[] jsonBooleans(JsonNode data) {
        byte[] out = new byte[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (data.get(i).asBoolean() ? 1 : 0);
        }
        return out;
    }
}
