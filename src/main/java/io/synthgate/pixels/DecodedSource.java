package io.synthgate.pixels;

import io.synthgate.deid.DeidentifiedSource;

/** A decoded de-identified instance: one image ({@link SourceImage}) or a stack of frames read one at a time ({@link FrameStack}). */
public sealed interface DecodedSource permits SourceImage, FrameStack {

    DeidentifiedSource source();

    /** The layout of one frame. */
    PixelLayout layout();

    ImageDescription description();
}
