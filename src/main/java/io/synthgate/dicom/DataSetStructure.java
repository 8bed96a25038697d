package io.synthgate.dicom;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Walks the element structure of a received data set (PS3.5 7.1 and 7.5) without interpreting
 * values: every length must fit, items may appear only inside sequences or encapsulated Pixel Data,
 * and every undefined length must be closed by its delimiter. PixelMed's reader skips bad items and
 * stops quietly at a premature end, so a broken object would otherwise pass as complete. Streams the
 * file; memory use does not grow with the object.
 */
public final class DataSetStructure {

    private static final int ITEM = 0xE000;
    private static final int ITEM_DELIMITER = 0xE00D;
    private static final int SEQUENCE_DELIMITER = 0xE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final int MAX_DEPTH = 32;

    private final Input in;
    private final boolean explicitVr;
    private long nativePixelDataLength = -1;
    private long nativePixelDataPosition = -1;

    private DataSetStructure(Input in, boolean explicitVr) {
        this.in = in;
        this.explicitVr = explicitVr;
    }

    /**
     * What the walk found.
     *
     * @param fault the data set's structural fault; {@code null} when it is well formed
     * @param nativePixelDataLength the value length of its top-level native (not encapsulated) Pixel
     *        Data, or -1 when it has none
     * @param nativePixelDataOffset where that value starts in the file, or -1 when it has none or the
     *        data set is deflated
     */
    public record Result(String fault, long nativePixelDataLength, long nativePixelDataOffset) {
    }

    /** Walks the Part 10 file's data set to its end. */
    public static Result walk(Path part10File, String transferSyntaxUid) throws IOException {
        boolean implicitVr = "1.2.840.10008.1.2".equals(transferSyntaxUid);
        boolean bigEndian = "1.2.840.10008.1.2.2".equals(transferSyntaxUid);
        boolean deflated = "1.2.840.10008.1.2.1.99".equals(transferSyntaxUid);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(part10File), 64 * 1024)) {
            Input meta = new Input(file, false);
            meta.skip(128 + 4);
            meta.skip(8);
            long metaLength = meta.u32();
            meta.skip(metaLength);
            InputStream dataSet = deflated
                    ? new BufferedInputStream(new InflaterInputStream(file, new Inflater(true)), 64 * 1024)
                    : file;
            long dataSetStart = 128 + 4 + 8 + 4 + metaLength;
            DataSetStructure structure = new DataSetStructure(new Input(dataSet, bigEndian), !implicitVr);
            try {
                structure.elements(Long.MAX_VALUE, 0, false);
                long offset = structure.nativePixelDataPosition < 0 || deflated ? -1
                        : dataSetStart + structure.nativePixelDataPosition;
                return new Result(null, structure.nativePixelDataLength, offset);
            } catch (Fault fault) {
                return new Result(fault.getMessage(), -1, -1);
            } catch (EOFException e) {
                return new Result("data set ends inside an element: " + e.getMessage(), -1, -1);
            } catch (ZipException e) {
                return new Result("deflated data set cannot be inflated: " + e.getMessage(), -1, -1);
            }
        }
    }

    /**
     * Reads elements until {@code budget} bytes are used, or, when {@code untilDelimiter}, until an
     * item delimiter; returns the bytes read.
     */
    private long elements(long budget, int depth, boolean untilDelimiter) throws IOException, Fault {
        if (depth > MAX_DEPTH) {
            throw new Fault("sequences nested deeper than " + MAX_DEPTH + " levels");
        }
        long start = in.position;
        while (in.position - start < budget) {
            if (budget == Long.MAX_VALUE && !untilDelimiter && in.atEnd()) {
                return in.position - start;
            }
            int group = in.u16();
            int element = in.u16();
            String tag = String.format("(%04X,%04X)", group, element);
            if (group == 0xFFFE) {
                in.u32();
                if (untilDelimiter && element == ITEM_DELIMITER) {
                    return in.position - start;
                }
                throw new Fault("item tag " + tag + " at offset " + (in.position - 8) + " outside any sequence");
            }
            String vr = null;
            long length;
            if (explicitVr) {
                vr = in.ascii2();
                if (LONG_VRS.contains(vr)) {
                    in.skip(2);
                    length = in.u32();
                } else {
                    length = in.u16();
                }
            } else {
                length = in.u32();
            }
            boolean pixelData = group == 0x7FE0 && element == 0x0010;
            if (length == UNDEFINED) {
                if ("SQ".equals(vr) || vr == null) {
                    if (pixelData) {
                        fragments(tag);
                    } else {
                        items(tag, Long.MAX_VALUE, depth + 1);
                    }
                } else if ("UN".equals(vr)) {
                    // PS3.5 6.2.2: a UN of undefined length is a sequence encoded in Implicit VR Little Endian.
                    new DataSetStructure(in, false).items(tag, Long.MAX_VALUE, depth + 1);
                } else if (pixelData && ("OB".equals(vr) || "OW".equals(vr))) {
                    fragments(tag);
                } else {
                    throw new Fault("element " + tag + " with VR " + vr + " has an undefined length");
                }
            } else if ("SQ".equals(vr)) {
                items(tag, length, depth + 1);
            } else {
                if (pixelData && depth == 0) {
                    nativePixelDataLength = length;
                    nativePixelDataPosition = in.position;
                }
                in.skip(length, tag);
            }
            if (budget != Long.MAX_VALUE && in.position - start > budget) {
                throw new Fault("element " + tag + " runs past the end of its enclosing item");
            }
        }
        if (untilDelimiter) {
            throw new Fault("item of undefined length has no item delimiter");
        }
        return in.position - start;
    }

    private void items(String sequence, long budget, int depth) throws IOException, Fault {
        long start = in.position;
        while (budget == Long.MAX_VALUE || in.position - start < budget) {
            int group = in.u16();
            int element = in.u16();
            long length = in.u32();
            if (group != 0xFFFE) {
                throw new Fault("sequence " + sequence + " holds a non-item element");
            }
            if (element == SEQUENCE_DELIMITER) {
                if (budget != Long.MAX_VALUE) {
                    throw new Fault("sequence " + sequence + " of defined length has a sequence delimiter");
                }
                return;
            }
            if (element != ITEM) {
                throw new Fault("sequence " + sequence + " holds an unexpected delimiter");
            }
            if (length == UNDEFINED) {
                elements(Long.MAX_VALUE - 1, depth, true);
            } else {
                long used = elements(length, depth, false);
                if (used != length) {
                    throw new Fault("item in sequence " + sequence + " is " + used + " bytes long, not " + length);
                }
            }
        }
        if (in.position - start != budget) {
            throw new Fault("sequence " + sequence + " overruns its length of " + budget + " bytes");
        }
    }

    private void fragments(String tag) throws IOException, Fault {
        while (true) {
            int group = in.u16();
            int element = in.u16();
            long length = in.u32();
            if (group != 0xFFFE || (element != ITEM && element != SEQUENCE_DELIMITER)) {
                throw new Fault("encapsulated Pixel Data " + tag + " holds a non-item element");
            }
            if (element == SEQUENCE_DELIMITER) {
                return;
            }
            in.skip(length, tag + " fragment");
        }
    }

    /** A structural fault; its message says what and where. */
    private static final class Fault extends Exception {
        Fault(String message) {
            super(message, null, false, false);
        }
    }

    /** Little- or big-endian reads with a running position; EOF inside a value is an {@link EOFException}. */
    private static final class Input {
        private final InputStream in;
        private final boolean bigEndian;
        private long position;

        Input(InputStream in, boolean bigEndian) {
            this.in = in;
            this.bigEndian = bigEndian;
        }

        boolean atEnd() throws IOException {
            in.mark(1);
            int next = in.read();
            in.reset();
            return next < 0;
        }

        int u16() throws IOException {
            int a = byteAt();
            int b = byteAt();
            return bigEndian ? (a << 8) | b : (b << 8) | a;
        }

        long u32() throws IOException {
            long a = u16();
            long b = u16();
            return bigEndian ? (a << 16) | b : (b << 16) | a;
        }

        String ascii2() throws IOException {
            return new String(new char[] {(char) byteAt(), (char) byteAt()});
        }

        void skip(long count) throws IOException {
            skip(count, "header");
        }

        void skip(long count, String what) throws IOException {
            long remaining = count;
            while (remaining > 0) {
                long skipped = in.skip(remaining);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException(what + " needs " + count + " bytes, " + remaining + " are missing");
                    }
                    skipped = 1;
                }
                remaining -= skipped;
            }
            position += count;
        }

        private int byteAt() throws IOException {
            int value = in.read();
            if (value < 0) {
                throw new EOFException("at offset " + position);
            }
            position++;
            return value;
        }
    }
}
