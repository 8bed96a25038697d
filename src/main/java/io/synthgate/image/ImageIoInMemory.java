package io.synthgate.image;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import javax.imageio.ImageIO;

/**
 * Keeps ImageIO's streams in memory. By default ImageIO backs each stream over bytes with a temporary
 * file in {@code java.io.tmpdir}: PixelMed decodes every compressed frame through one, received
 * originals not yet de-identified among them, and the report figures and generator pictures are
 * written through one. Such a file lies outside the spool, where retention cannot reach it, and
 * outlives a process that is killed; the frames are in memory anyway, so the copy buys nothing.
 */
@ApplicationScoped
class ImageIoInMemory {

    void keepStreamsInMemory(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ImageIO.setUseCache(false);
    }
}
