package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;

/**
 * The built-in generator's inpainter: a biharmonic fill carries the structure (the smooth course of
 * bone, soft tissue and background across the region), and exemplar-based synthesis lays the
 * image's own fine texture over it, so the region is neither a flat patch nor a blur. Classical
 * image processing, not a diffusion model: it continues what surrounds the region and invents
 * nothing else. It works on the mask's {@link InpaintingWindow} only, and answers a view of the
 * image with the window's values replaced, so its memory follows the mask's extent, not the image's.
 */
public final class TexturedInpainter {

    private final BiharmonicInpainter structure;
    private final TextureSynthesis texture = new TextureSynthesis();
    private final WorkingMemory memory;

    /**
     * @param maxIterations most conjugate-gradient iterations of the biharmonic solve per channel
     * @param memory the heap this inpainter's fills may hold together
     */
    public TexturedInpainter(int maxIterations, WorkingMemory memory) {
        this.structure = new BiharmonicInpainter(maxIterations);
        this.memory = memory;
    }

    /**
     * {@code image} with its masked pixels filled; the seed chooses the texture. Waits while other
     * fills hold the working memory this one needs.
     *
     * @throws InpaintingTooLargeException when the fill needs more than the whole working memory
     */
    public Planes inpaint(Planes image, Mask mask, long seed) throws InterruptedException {
        return inpaint(image, mask, seed, BiharmonicInpainter.NO_DEADLINE);
    }

    /**
     * As {@link #inpaint(Planes, Mask, long)}, with the biharmonic solve stopped at {@code deadline}
     * (a {@link System#nanoTime()}), for a fill that must end in time.
     */
    Planes inpaint(Planes image, Mask mask, long seed, long deadline) throws InterruptedException {
        int masked = mask.area();
        if (masked == 0) {
            return image;
        }
        InpaintingWindow window = InpaintingWindow.around(mask);
        try (WorkingMemory.Reservation room = memory.reserve(workingBytes(window, masked, image.channels()))) {
            return window.paste(image, fill(window.crop(image), window.crop(mask), seed, deadline));
        }
    }

    /**
     * The most heap a fill holds at once, with the collector's headroom: the window's planes, then
     * the larger of the biharmonic solve (its vectors, stencil and preconditioner come to about 170
     * bytes per masked pixel; 200 covers what bench/memory measured on a 20% box, and the sine
     * transforms' boxes reach twice the window) and the texture's planes.
     */
    static long workingBytes(InpaintingWindow window, long maskedPixels, int channels) {
        long planes = 8L * channels * window.pixels();
        return planes + Math.max(33L * window.pixels() + 200L * maskedPixels, planes + 18L * window.pixels());
    }

    private PixelPlanes fill(PixelPlanes out, Mask region, long seed, long deadline) {
        // The structure is filled in place: the texture reads only the unmasked pixels, which that leaves as they were.
        structure.fill(out, region, deadline);
        texture.overlay(out, region, seed, 1);
        return out;
    }
}
