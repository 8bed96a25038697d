package io.synthgate.generator.http;

import io.synthgate.bench.BenchImages;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.generator.GeneratorIdentity;
import io.synthgate.generator.builtin.TexturedInpainter;
import io.synthgate.generator.builtin.WorkingMemory;
import io.synthgate.image.Compositor;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.Rendering;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.MaskSpec;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;
import io.synthgate.wrap.SyntheticObject;
import io.synthgate.wrap.SyntheticObjectWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One image through the pixel pipeline: decode, render to generator space, mask, generate, map back
 * (inverse), composite and encode as a synthetic object, on a 512x512 and a 2048x2500 16-bit image.
 * {@link #httpGeneratorRoundTrip} is everything an HTTP generator call costs SynthGate, the provider's
 * own time excluded: the "generator" answers with the picture it was sent. {@link #builtinRoundTrip}
 * is the embedded default, the built-in inpainter in place of the HTTP exchange. The stage
 * benchmarks split the round trip so a regression points at its stage.
 *
 * <p>It lives in the HTTP generators' package because the generator-space mapping ({@link Canvas},
 * {@link Png}) is theirs and package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Djava.awt.headless=true"})
public class PixelPipelineBenchmark {

    private static final MaskSpec MASK = MaskSpec.parse("rectangle 40% 40% 20% 20%");
    private static final GeneratorIdentity STAND_IN = new GeneratorIdentity("bench", "echo", "1");

    @Param({"512x512", "2048x2500"})
    public String size;

    private Path folder;
    private DeidentifiedSource source;
    private SyntheticObjectWriter writer;
    private final PixelDecoder decoder = new PixelDecoder();
    private final TexturedInpainter inpainter = new TexturedInpainter(3000, new WorkingMemory(Runtime.getRuntime().maxMemory()));

    private MaskedImage masked;
    private PixelPlanes planes;
    private Rendering rendering;
    private Canvas canvas;
    private byte[] picture;
    private Object composited;

    @Setup(Level.Trial)
    public void writeTheImage() throws Exception {
        String[] sides = size.split("x");
        folder = Files.createTempDirectory("synthgate-jmh");
        source = BenchImages.radiograph(folder, Integer.parseInt(sides[0]), Integer.parseInt(sides[1]));
        writer = BenchImages.writer(folder);
        masked = MaskedImage.of((SourceImage) decoder.decode(source), MASK);
        planes = PixelPlanes.of(masked.image());
        rendering = Rendering.of(masked.image());
        canvas = Canvas.fit(planes.columns(), planes.rows(), 1024, 1024);
        picture = Png.encode(canvas.render(planes, rendering));
        composited = Compositor.composite(masked.image(), masked.mask(),
                canvas.restore(Png.decode(picture), rendering, planes.columns(), planes.rows(), 1, planes.minValue(),
                        planes.maxValue()));
    }

    @TearDown(Level.Trial)
    public void removeTheFiles() throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public SyntheticObject httpGeneratorRoundTrip(Blackhole sentToTheProvider) throws Exception {
        MaskedImage input = MaskedImage.of((SourceImage) decoder.decode(source), MASK);
        SourceImage image = input.image();
        Rendering window = Rendering.of(image);
        Canvas fitted = Canvas.fit(image.columns(), image.rows(), 1024, 1024);
        byte[] sent = Png.encode(fitted.render(image, window));
        sentToTheProvider.consume(Png.encodeMask(fitted.render(input.mask(), Canvas.MaskPolarity.TRANSPARENT_REGENERATES)));
        Planes answer = fitted.restore(Png.decode(sent), window, image.columns(), image.rows(), 1, image.minValue(),
                image.maxValue());
        Object samples = Compositor.composite(input.image(), input.mask(), answer);
        return BenchImages.wrap(writer, input, samples, STAND_IN);
    }

    @Benchmark
    public SyntheticObject builtinRoundTrip() throws Exception {
        MaskedImage input = MaskedImage.of((SourceImage) decoder.decode(source), MASK);
        Planes filled = inpainter.inpaint(input.image(), input.mask(), 42);
        Object samples = Compositor.composite(input.image(), input.mask(), filled);
        return BenchImages.wrap(writer, input, samples, STAND_IN);
    }

    @Benchmark
    public Object stageDecode() throws Exception {
        return decoder.decode(source);
    }

    @Benchmark
    public MaskedImage stageMask() {
        return MaskedImage.of(masked.source(), MASK);
    }

    @Benchmark
    public byte[] stageRenderToGeneratorSpace() {
        return Png.encode(canvas.render(masked.image(), Rendering.of(masked.image())));
    }

    @Benchmark
    public Object stageInverseAndComposite() throws Exception {
        Planes answer = canvas.restore(Png.decode(picture), rendering, planes.columns(), planes.rows(), 1,
                planes.minValue(), planes.maxValue());
        return Compositor.composite(masked.image(), masked.mask(), answer);
    }

    @Benchmark
    public Planes stageBuiltinInpaint() throws InterruptedException {
        return inpainter.inpaint(planes, masked.mask(), 42);
    }

    @Benchmark
    public SyntheticObject stageWrapAndEncode() throws Exception {
        return BenchImages.wrap(writer, masked, composited, STAND_IN);
    }
}
