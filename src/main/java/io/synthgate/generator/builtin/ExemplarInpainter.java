package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;
import java.time.Duration;
import java.util.Locale;

/**
 * The built-in generator's inpainter. Deep regions and regions on the image's edge (an outpainted
 * border, an erased margin) get exemplar-based {@link PatchCompletion}, which continues what surrounds
 * them (edges, grain, the content beyond an edge row) with patches of the same image, on the mask's
 * window with a margin of context; the biharmonic fill sets the completion's coarse course, and
 * some synthesised grain goes over it. Shallow regions inside the image keep the
 * {@link TexturedInpainter} fill (smooth biharmonic structure with synthesised grain), which scores
 * as well there at a fraction of the time. Classical image processing, not a diffusion model: it
 * copies and blends what the image already shows and invents nothing else. When the completion
 * cannot finish within its time budget, or the image leaves too few whole patches to copy from, the
 * region gets the textured biharmonic fill, and the answer says why.
 */
public final class ExemplarInpainter {

    /** How much context, as a share of the mask's larger extent, the completion looks at on each side. */
    private static final double CONTEXT = 0.5;
    /**
     * Masks whose pixels all lie nearer than this to a known one, and that do not touch the image's
     * edge, keep the textured biharmonic fill: on bench/inpainting's CT and MR slices such holes came
     * out better that way, and on the larger ones the completion did.
     */
    private static final int SHALLOW = 16;
    /** The share of synthesised grain laid over the completion: more sharpened the texture gap, less kept SSIM. */
    private static final double GRAIN = 0.3;

    private final PatchCompletion completion;
    private final TextureSynthesis texture = new TextureSynthesis();
    private final TexturedInpainter textured;
    private final WorkingMemory memory;
    private final Duration budget;

    /**
     * @param maxIterations most conjugate-gradient iterations of the biharmonic solves per channel
     * @param memory the heap this inpainter's fills may hold together
     * @param budget the time a completion may take before the fill falls back to the biharmonic one,
     *     whose solve then stops at as long again
     */
    public ExemplarInpainter(int maxIterations, WorkingMemory memory, Duration budget) {
        this.completion = new PatchCompletion(new BiharmonicInpainter(maxIterations));
        this.textured = new TexturedInpainter(maxIterations, memory);
        this.memory = memory;
        this.budget = budget;
    }

    /** How a region was filled. */
    public enum Method {
        /** Multi-scale patch-based completion, on the biharmonic fill's course. */
        PATCH_COMPLETION("patch completion"),
        /** The biharmonic fill with synthesised texture. */
        BIHARMONIC_TEXTURE("biharmonic fill with synthesised texture");

        private final String words;

        Method(String words) {
            this.words = words;
        }

        /** The method in words, as the provenance records it. */
        public String words() {
            return words;
        }
    }

    /**
     * A filled image and how it was filled.
     *
     * @param pixels the image with its masked pixels filled
     * @param method the method that filled them
     * @param reason why a region that would have been completed was not; empty when nothing fell back
     */
    public record Fill(Planes pixels, Method method, String reason) {

        /** The method, and the reason when it fell back, in one line for the provenance. */
        public String description() {
            return reason.isEmpty() ? method.words() : method.words() + " (" + reason + ")";
        }
    }

    /**
     * {@code image} with its masked pixels filled; the seed chooses among equally good patches and the
     * grain. Waits while other fills hold the working memory this one needs.
     *
     * @throws InpaintingTooLargeException when the fill needs more than the whole working memory
     */
    public Fill inpaint(Planes image, Mask mask, long seed) throws InterruptedException {
        if (mask.area() == 0) {
            return new Fill(image, Method.BIHARMONIC_TEXTURE, "");
        }
        long deadline = System.nanoTime() + budget.toNanos();
        InpaintingWindow window = InpaintingWindow.around(mask, CONTEXT);
        Mask region = window.crop(mask);
        if (!PatchCompletion.touchesEdge(region) && depth(region) < SHALLOW) {
            return new Fill(textured.inpaint(image, mask, seed, deadline), Method.BIHARMONIC_TEXTURE, "");
        }
        String reason;
        try (WorkingMemory.Reservation room = memory.reserve(workingBytes(window, mask.area(), image.channels()))) {
            PixelPlanes out = window.crop(image);
            if (completion.fill(out, region, seed, deadline)) {
                // part of the image's own grain, which the patches' votes smooth a little
                texture.overlay(out, region, seed, GRAIN);
                return new Fill(window.paste(image, out), Method.PATCH_COMPLETION, "");
            }
            reason = "too little of the image around the region is unmasked to copy patches from";
        } catch (PatchCompletion.OverBudgetException late) {
            reason = String.format(Locale.ROOT, "patch completion did not finish within its budget of %.1f s",
                    budget.toMillis() / 1000.0);
        }
        // The fallback is bounded too: its biharmonic solve stops at a second budget, so an image takes at most about two.
        return new Fill(textured.inpaint(image, mask, seed, System.nanoTime() + budget.toNanos()),
                Method.BIHARMONIC_TEXTURE, reason);
    }

    /**
     * The most heap a completion holds at once: the window's planes, then the larger of the
     * completion's levels with its guide, and the grain's planes (as the textured fill's).
     */
    static long workingBytes(InpaintingWindow window, long maskedPixels, int channels) {
        long planes = 8L * channels * window.pixels();
        return planes + Math.max(PatchCompletion.workingBytes(window.pixels(), maskedPixels, channels),
                planes + 18L * window.pixels());
    }

    private static int depth(Mask region) {
        boolean[] hole = new boolean[region.columns() * region.rows()];
        for (int i = region.nextSet(0); i >= 0; i = region.nextSet(i + 1)) {
            hole[i] = true;
        }
        return PatchCompletion.depth(hole, region.columns(), region.rows());
    }
}
