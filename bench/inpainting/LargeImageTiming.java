import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.generator.builtin.ExemplarInpainter;
import io.synthgate.generator.builtin.WorkingMemory;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seconds the built-in inpainter takes on a 2048x2500 16-bit radiograph, one fill per mask: the image
 * is a real one scaled up bilinearly to that size and full 16-bit range, with noise of 300 stored
 * values so that the grain is not the scaling's smoothness. Run it on one core to compare with the
 * issue's 10 s target: java -XX:ActiveProcessorCount=1 -cp CLASSPATH LargeImageTiming.java IMAGE.dcm 'MASK|MASK...'
 */
public class LargeImageTiming {

    static final int COLUMNS = 2048;
    static final int ROWS = 2500;

    public static void main(String[] args) throws Exception {
        SourceImage image = (SourceImage) new PixelDecoder().decode(new DeidentifiedSource(new SopInstanceUid("2.25.1"),
                Path.of(args[0]), "", "", "", "", "", "", Optional.empty(), List.of(), "bench", List.of(), Optional.empty()));
        PixelPlanes large = scaledUp(PixelPlanes.of(image));
        for (String spec : args[1].split("\\|")) {
            Mask mask = MaskSpec.parse(spec).rasterize(COLUMNS, ROWS);
            ExemplarInpainter inpainter = new ExemplarInpainter(3000,
                    new WorkingMemory(Runtime.getRuntime().maxMemory() / 4 * 3), Duration.ofMinutes(10));
            long start = System.nanoTime();
            ExemplarInpainter.Fill fill = inpainter.inpaint(large, mask, 1);
            System.out.printf("| %s | %.1f%% | %.1f | %s |%n", spec, 100.0 * mask.area() / (COLUMNS * ROWS),
                    (System.nanoTime() - start) / 1e9, fill.description());
        }
    }

    static PixelPlanes scaledUp(PixelPlanes small) {
        double[] source = small.planes()[0];
        double[] values = new double[COLUMNS * ROWS];
        SplittableRandom random = new SplittableRandom(1);
        double scale = 65535 / (small.maxValue() - small.minValue());
        int w = small.columns();
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                double fx = x * (w - 1.0) / (COLUMNS - 1);
                double fy = y * (small.rows() - 1.0) / (ROWS - 1);
                int x0 = (int) fx;
                int y0 = (int) fy;
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, small.rows() - 1);
                double ax = fx - x0;
                double ay = fy - y0;
                double value = (1 - ay) * ((1 - ax) * source[y0 * w + x0] + ax * source[y0 * w + x1])
                        + ay * ((1 - ax) * source[y1 * w + x0] + ax * source[y1 * w + x1]);
                values[y * COLUMNS + x] = Math.max(0, Math.min(65535,
                        (value - small.minValue()) * scale + random.nextGaussian() * 300));
            }
        }
        return new PixelPlanes(COLUMNS, ROWS, new double[][] {values}, 0, 65535);
    }
}
