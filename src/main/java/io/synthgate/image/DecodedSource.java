package io.synthgate.image;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;

/** A decoded de-identified instance: one image ({@link SourceImage}) or a stack of frames read one at a time ({@link FrameStack}). */
public sealed interface DecodedSource permits SourceImage, FrameStack {

    DeidentifiedSource source();

    /** The layout of one frame. */
    PixelLayout layout();

    ImageDescription description();
}
