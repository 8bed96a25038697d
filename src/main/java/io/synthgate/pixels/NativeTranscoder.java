package io.synthgate.pixels;

import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decompresses what PixelMed cannot decode (12-bit lossy JPEG, JPEG-LS, RLE of more than 8 bits a
 * colour sample) with DCMTK's {@code dcmdjpeg} / {@code dcmdjpls} / {@code dcmdrle} into an
 * uncompressed temporary copy. Other syntaxes pass through untouched.
 */
@ApplicationScoped
public class NativeTranscoder {

    private static final Map<String, String> TOOL_BY_SYNTAX = Map.of(
            "1.2.840.10008.1.2.4.51", "dcmdjpeg",
            "1.2.840.10008.1.2.4.80", "dcmdjpls",
            "1.2.840.10008.1.2.4.81", "dcmdjpls",
            // all of RLE: PixelMed refuses 16-bit colour-by-pixel RLE, and dcmdrle decodes every depth
            "1.2.840.10008.1.2.5", "dcmdrle");
    private static final long TIMEOUT_SECONDS = 120;

    private final Spool spool;

    public NativeTranscoder(Spool spool) {
        this.spool = spool;
    }

    /** Whether files in this transfer syntax must go through {@link #decompress(Path, String)} first. */
    public boolean handles(String transferSyntaxUid) {
        return TOOL_BY_SYNTAX.containsKey(transferSyntaxUid);
    }

    /** An uncompressed temporary copy of {@code file}; the caller discards it with {@link Spool#discard(Path)}. */
    public Path decompress(Path file, String transferSyntaxUid) throws UnsupportedSourceException, IOException {
        String tool = TOOL_BY_SYNTAX.get(transferSyntaxUid);
        Path target = spool.newTemporaryFile();
        try {
            Process process = new ProcessBuilder(List.of(tool, file.toString(), target.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new UnsupportedSourceException(tool + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new UnsupportedSourceException(tool + " could not decompress it: " + output.strip());
            }
            return target;
        } catch (IOException e) {
            spool.discard(target);
            throw new UnsupportedSourceException("DCMTK's " + tool + " is needed to decompress "
                    + transferSyntaxUid + " and could not be run (apt-get install dcmtk): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spool.discard(target);
            throw new IOException("Interrupted while decompressing", e);
        } catch (UnsupportedSourceException e) {
            spool.discard(target);
            throw e;
        }
    }
}
