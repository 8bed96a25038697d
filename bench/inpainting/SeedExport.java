import io.synthgate.generator.builtin.ExemplarInpainter;
import io.synthgate.generator.builtin.WorkingMemory;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs today's built-in fill alone, with one seed, on the benchmark images and the masks named, and
 * writes what InpaintingExport writes for it (original, mask, fill, meta), for seed_means.py.
 * Compiled with InpaintingExport, whose decoding, masks and writers it shares:
 * java -cp CLASSES SeedExport OUT MASK[,MASK...] SEED IMAGE...
 */
public class SeedExport {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> names = List.of(args[1].split(","));
        long seed = Long.parseLong(args[2]);
        for (int a = 3; a < args.length; a++) {
            Path file = Path.of(args[a]);
            PixelPlanes original = PixelPlanes.of(InpaintingExport.decode(file));
            for (String[] mask : InpaintingExport.MASKS) {
                if (!names.contains(mask[0])) {
                    continue;
                }
                Path folder = Files.createDirectories(out.resolve(file.getFileName().toString().replace(".dcm", ""))
                        .resolve(mask[0]));
                Mask raster = MaskSpec.parse(mask[1]).rasterize(original.columns(), original.rows());
                PixelPlanes planes = InpaintingExport.writeCase(folder, original, raster);
                PixelPlanes filled = PixelPlanes.of(new ExemplarInpainter(3000, new WorkingMemory(Runtime.getRuntime().maxMemory()),
                        Duration.ofMinutes(10)).inpaint(planes, raster, seed).pixels());
                InpaintingExport.writeFloats(folder.resolve("synthgate-builtin.f32"), filled.planes()[0]);
                Files.writeString(folder.resolve("meta.properties"),
                        "columns=" + planes.columns() + "\nrows=" + planes.rows() + "\n");
            }
        }
    }
}
