package io.synthgate.image;

import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import org.apache.camel.Message;

/**
 * Route step {@code describeStep}: puts a decoded image's body part and modality in headers, so a
 * route can choose per image (a {@code choice} on {@code ${header.SynthGateBodyPart}}) which preset
 * applies. The body passes on unchanged.
 */
@ApplicationScoped
@Named("describeStep")
public class DescribeStep {

    public void describe(DecodedSource image, Message message) {
        message.setHeader(Pipeline.BODY_PART, upper(image.description().bodyPartExamined()));
        message.setHeader(Pipeline.MODALITY, upper(image.description().modality()));
    }

    private static String upper(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
