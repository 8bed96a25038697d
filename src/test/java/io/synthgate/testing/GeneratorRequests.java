package io.synthgate.testing;

import io.synthgate.generator.GenerationRequest;
import io.synthgate.image.Rendering;
import io.synthgate.mask.Mask;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.PixelPlanes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.imageio.ImageIO;

/**
 * Requests and pictures for generator contract tests: a 12-bit gradient image of 64x48 with a
 * 16x16 mask at (16, 8), as the pipeline hands them over after de-identification.
 */
public final class GeneratorRequests {

    public static final int COLUMNS = 64;
    public static final int ROWS = 48;
    public static final Rendering RENDERING = new Rendering(0, 4095, false);

    private GeneratorRequests() {
    }

    public static GenerationRequest inpaint(String prompt) {
        return request(GenerationOperation.INPAINT, prompt, OptionalLong.of(42), 1, "de-identified by test");
    }

    public static GenerationRequest request(GenerationOperation operation, String prompt, OptionalLong seed, int candidates,
            String deidentificationMethod) {
        if (operation == GenerationOperation.TXT2IMG) {
            return new GenerationRequest(operation, null, null, null, prompt, "", seed, candidates, Optional.empty(),
                    reference(), null);
        }
        double[] plane = new double[COLUMNS * ROWS];
        for (int p = 0; p < plane.length; p++) {
            plane[p] = (p % COLUMNS) * 64;
        }
        Mask mask = new Mask(COLUMNS, ROWS);
        for (int row = 8; row < 24; row++) {
            for (int column = 16; column < 32; column++) {
                mask.set(column, row);
            }
        }
        return new GenerationRequest(operation, new PixelPlanes(COLUMNS, ROWS, new double[][] {plane}, 0, 4095),
                RENDERING, mask, prompt, "blurry", seed, candidates, Optional.empty(), reference(), deidentificationMethod);
    }

    /** A job-like reference unique to each request, so a test finds its own audit rows. */
    private static String reference() {
        return "job-" + java.util.UUID.randomUUID();
    }

    /** A flat gray picture as PNG bytes. */
    public static byte[] png(int width, int height, int gray) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, gray << 16 | gray << 8 | gray);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String pngBase64(int width, int height, int gray) {
        return Base64.getEncoder().encodeToString(png(width, height, gray));
    }

    /** An OpenAI Images answer carrying {@code count} flat gray pictures as {@code b64_json}. */
    public static String openAiImagesAnswer(int count, int width, int height, int gray) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append("{\"b64_json\":\"").append(pngBase64(width, height, gray))
                    .append("\",\"revised_prompt\":null}");
        }
        return "{\"created\":1700000000,\"data\":[" + data + "],\"output_format\":\"png\",\"size\":\"" + width + "x"
                + height + "\"}";
    }

    public static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
