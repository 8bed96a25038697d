package io.synthgate.admin;

import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A picture the pages show, as a PNG the browser may keep for five minutes (it never changes under its URL). */
final class PngResponse {

    private PngResponse() {
    }

    static Response of(BufferedImage picture) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        return Response.ok(png.toByteArray()).header("Cache-Control", "private, max-age=300").build();
    }
}
