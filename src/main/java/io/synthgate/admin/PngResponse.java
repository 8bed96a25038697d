package io.synthgate.admin;

import io.synthgate.image.PngImage;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** A picture the pages show, as a PNG the browser may keep for five minutes (it never changes under its URL). */
final class PngResponse {

    private PngResponse() {
    }

    static Response of(BufferedImage picture) throws IOException {
        return Response.ok(PngImage.encode(picture)).header("Cache-Control", "private, max-age=300").build();
    }
}
