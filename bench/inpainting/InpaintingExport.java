import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.generator.builtin.BiharmonicInpainter;
import io.synthgate.generator.builtin.ExemplarInpainter;
import io.synthgate.generator.builtin.FastMarchingInpainter;
import io.synthgate.generator.builtin.TexturedInpainter;
import io.synthgate.generator.builtin.WorkingMemory;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs SynthGate's in-process fills on the benchmark images and masks and writes, per image and
 * mask, the original, the mask and each fill as raw little-endian float32 (mask: uint8) with a
 * timing line, for compare.py to measure beside mean fill and scikit-image's biharmonic inpainting:
 * Telea, the biharmonic solve alone, the earlier built-in fill (biharmonic with synthesised texture)
 * and today's built-in generator (patch completion).
 * Launched as a source file against the built classes: java -cp CLASSPATH InpaintingExport.java OUT IMAGE...
 */
public class InpaintingExport {

    /** About 6% of the area: a centred square of 24.5% of each side. */
    static final String CENTRAL = "rectangle 37.75% 37.75% 24.5% 24.5%";
    /** Eight boxes of about 3% of the area each (17.3% of each side), from a fixed seed. */
    static final String RANDOM_BOXES = "random-erase 8 17.3% 17.3% 20261129";
    /** One centred rectangle of about 20% of the area (44.7% of each side). */
    static final String LARGE = "rectangle 27.65% 27.65% 44.7% 44.7%";
    /** The chest preset of experiment radiograph-presets: the right lower zone. */
    static final String ELLIPSE = "ellipse 30% 60% 12% 14%";
    /**
     * Outpainting by 25% at top and bottom, with ground truth: the rows such an outpainting adds to the
     * image cropped to its middle two thirds, i.e. the top and bottom sixth of the original.
     */
    static final String OUTPAINT = "rectangle 0 0 100% 16.67%; rectangle 0 83.33% 100% 16.67%";
    static final List<String[]> MASKS = List.of(new String[] {"central", CENTRAL}, new String[] {"boxes", RANDOM_BOXES},
            new String[] {"large", LARGE}, new String[] {"ellipse", ELLIPSE}, new String[] {"outpaint", OUTPAINT});

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        for (int a = 1; a < args.length; a++) {
            Path file = Path.of(args[a]);
            SourceImage image = decode(file);
            PixelPlanes original = PixelPlanes.of(image);
            String name = file.getFileName().toString().replace(".dcm", "");
            for (String[] mask : MASKS) {
                Path folder = Files.createDirectories(out.resolve(name).resolve(mask[0]));
                Mask raster = MaskSpec.parse(mask[1]).rasterize(original.columns(), original.rows());
                PixelPlanes planes = writeCase(folder, original, raster);
                StringBuilder meta = new StringBuilder();
                meta.append("columns=").append(planes.columns()).append('\n').append("rows=").append(planes.rows())
                        .append('\n').append("bits_stored=").append(image.layout().bitsStored()).append('\n')
                        .append("photometric=").append(image.layout().photometricInterpretation()).append('\n');
                meta.append("seconds.telea=").append(timed(folder, "telea", () -> new FastMarchingInpainter(5).inpaint(planes, raster)));
                meta.append("seconds.synthgate-biharmonic=").append(timed(folder, "synthgate-biharmonic",
                        () -> new BiharmonicInpainter(3000).inpaint(planes, raster)));
                meta.append("seconds.synthgate-textured=").append(timed(folder, "synthgate-textured",
                        () -> PixelPlanes.of(new TexturedInpainter(3000, new WorkingMemory(Runtime.getRuntime().maxMemory()))
                                .inpaint(planes, raster, 0))));
                meta.append("seconds.synthgate-builtin=").append(timed(folder, "synthgate-builtin",
                        () -> PixelPlanes.of(new ExemplarInpainter(3000, new WorkingMemory(Runtime.getRuntime().maxMemory()),
                                Duration.ofMinutes(10)).inpaint(planes, raster, 0).pixels())));
                Files.writeString(folder.resolve("meta.properties"), meta);
            }
        }
    }

    /** The image in {@code file}, decoded as the gateway decodes a de-identified source. */
    static SourceImage decode(Path file) throws Exception {
        return (SourceImage) new PixelDecoder().decode(new DeidentifiedSource(new SopInstanceUid("2.25.1"), file,
                "", "", "", "", "", "", Optional.empty(), List.of(), "bench", List.of(), Optional.empty()));
    }

    /**
     * Writes one case's original and mask into its folder, and returns the image as every method
     * sees it: without the masked values.
     */
    static PixelPlanes writeCase(Path folder, PixelPlanes original, Mask mask) throws IOException {
        writeFloats(folder.resolve("original.f32"), original.planes()[0]);
        byte[] bits = new byte[original.columns() * original.rows()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (byte) (mask.isSet(i) ? 1 : 0);
        }
        Files.write(folder.resolve("mask.u8"), bits);
        return withoutMaskedValues(original, mask);
    }

    /** The image with every masked value replaced by the range's middle, so that no method can read what it must fill. */
    static PixelPlanes withoutMaskedValues(PixelPlanes image, Mask mask) {
        PixelPlanes blank = image.copy();
        for (double[] plane : blank.planes()) {
            for (int i = 0; i < plane.length; i++) {
                if (mask.isSet(i)) {
                    plane[i] = (image.minValue() + image.maxValue()) / 2;
                }
            }
        }
        return blank;
    }

    interface Fill {
        PixelPlanes run() throws InterruptedException;
    }

    /** Runs the fill twice (the first warms the JIT), writes the second's result, returns its seconds with a newline. */
    static String timed(Path folder, String method, Fill fill) throws IOException, InterruptedException {
        fill.run();
        long start = System.nanoTime();
        PixelPlanes filled = fill.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        writeFloats(folder.resolve(method + ".f32"), filled.planes()[0]);
        return String.format("%.3f%n", seconds);
    }

    static void writeFloats(Path file, double[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            bytes.putFloat((float) value);
        }
        Files.write(file, bytes.array());
    }
}
