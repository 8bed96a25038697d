package io.synthgate.generator;


/**
 * One text-to-image candidate, ready to wrap: 8-bit grayscale samples at the size the generator made.
 *
 * @param prompt the prompt it answers
 * @param candidateIndex its position among the prompt's candidates
 * @param generator who made it
 * @param provenance how it was asked for and what the provider reported
 * @param columns its width
 * @param rows its height
 * @param samples row-major 8-bit samples
 */
public record GeneratedText(TextPrompt prompt, int candidateIndex, GeneratorIdentity generator,
        GeneratedImage.Provenance provenance, int columns, int rows, byte[] samples) {

    public GeneratedText {
        if (samples.length != columns * rows) {
            throw new IllegalArgumentException(samples.length + " samples for " + columns + "x" + rows);
        }
    }
}
