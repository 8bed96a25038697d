package io.synthgate.generator.builtin;

/**
 * A fill would need more heap than the built-in inpainter's whole working memory: it is refused
 * before it allocates anything, since no wait would make room for it.
 */
public final class InpaintingTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InpaintingTooLargeException(long needed, long capacity) {
        super("The built-in inpainter would need about " + WorkingMemory.megabytes(needed) + " of heap for this image and mask, more than its "
                + WorkingMemory.megabytes(capacity) + " of working memory (synthgate.generator.builtin.working-memory; by default "
                + "three quarters of the heap set by -Xmx); give the JVM more heap, or use a smaller mask or an HTTP generator");
    }
}
