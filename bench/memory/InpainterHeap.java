import io.synthgate.generator.builtin.ExemplarInpainter;
import io.synthgate.generator.builtin.InpaintingTooLargeException;
import io.synthgate.generator.builtin.WorkingMemory;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.Planes;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One fill of the built-in inpainter on a synthetic 16-bit radiograph held as the pipeline holds a
 * source (two bytes a pixel), under whatever heap the JVM was given. Prints "filled SECONDS" or
 * "refused REASON" (with the method that filled it); an OutOfMemoryError ends the JVM with its own message. Launched as a source file
 * against the built classes: java -Xmx... -cp CLASSPATH InpainterHeap.java COLUMNS ROWS MASK
 */
public class InpainterHeap {

    public static void main(String[] args) throws InterruptedException {
        int columns = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        short[] pixels = new short[columns * rows];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (800 + (i % columns) * 2000 / columns + random.nextInt(60));
        }
        Planes image = new Planes() {
            public int columns() {
                return columns;
            }

            public int rows() {
                return rows;
            }

            public int channels() {
                return 1;
            }

            public double value(int channel, int pixel) {
                return pixels[pixel];
            }

            public double minValue() {
                return 0;
            }

            public double maxValue() {
                return 4095;
            }
        };
        Mask mask = MaskSpec.parse(args[2]).rasterize(columns, rows);
        long start = System.nanoTime();
        try {
            ExemplarInpainter.Fill fill = new ExemplarInpainter(3000, new WorkingMemory(Runtime.getRuntime().maxMemory() / 4 * 3),
                    Duration.ofMinutes(10)).inpaint(image, mask, 1);
            fill.pixels().value(0, mask.nextSet(0));
            System.out.printf("filled %.1f (%s)%n", (System.nanoTime() - start) / 1e9, fill.description());
        } catch (InpaintingTooLargeException refused) {
            System.out.println("refused " + refused.getMessage());
        }
    }
}
