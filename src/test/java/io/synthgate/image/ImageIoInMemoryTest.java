package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A started gateway has ImageIO keep its streams in memory, never in temporary files. */
@QuarkusTest
class ImageIoInMemoryTest {

    @Test
    void imageIoCachesNothingOnDisk() {
        assertFalse(ImageIO.getUseCache());
    }
}
