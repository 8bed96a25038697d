package io.synthgate.image;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Decodes a de-identified object with PixelMed. De-identification already decompressed it
 * (uncompressed, deflate, RLE, JPEG with pixelmed_imageio, JPEG 2000 with jai-imageio), so pixel
 * data is native. Colour is handed on sample-interleaved.
 */
@ApplicationScoped
public class PixelDecoder {

    /**
     * Decodes a single-frame instance into memory; for a multi-frame one, reads only the header and
     * returns a {@link FrameStack} that reads frames on demand.
     */
    public DecodedSource decode(DeidentifiedSource source) throws UnsupportedSourceException {
        String name = "SOP Instance " + source.original();
        AttributeList header = new AttributeList();
        try {
            header.read(source.file().toFile(), TagFromName.PixelData);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new UnsupportedSourceException(name + " cannot be decoded: " + e, e);
        }
        int frames = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1);
        if (frames > 1) {
            return stack(source, header, frames, name);
        }
        AttributeList list = new AttributeList();
        try {
            list.read(source.file().toFile());
            list.correctDecompressedImagePixelModule();
        } catch (IOException | DicomException | RuntimeException e) {
            throw new UnsupportedSourceException(name + " cannot be decoded: " + e, e);
        }
        Attribute pixelData = list.getPixelData();
        if (pixelData == null) {
            throw new UnsupportedSourceException(name + " has no Pixel Data: it is not an image");
        }
        try {
            PixelLayout layout = PixelLayout.of(list);
            Object samples = samples(pixelData, layout);
            if (ChromaSubsampling.isHorizontal422(layout)) {
                samples = ChromaSubsampling.toFull(samples, layout);
                layout = ChromaSubsampling.fullLayout(layout);
            } else if (layout.samplesPerPixel() > 1
                    && Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1) {
                samples = interleave(samples, layout);
            }
            return new SourceImage(source, layout, samples, describe(list));
        } catch (DicomException | IllegalArgumentException e) {
            throw new UnsupportedSourceException(name + " has pixel data SynthGate cannot use: " + e.getMessage(), e);
        }
    }

    /** A multi-frame instance: its header, and where its native Pixel Data value starts in the file. */
    private static FrameStack stack(DeidentifiedSource source, AttributeList header, int frames, String name)
            throws UnsupportedSourceException {
        PixelLayout layout;
        try {
            layout = PixelLayout.of(header);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSourceException(name + " has pixel data SynthGate cannot use: " + e.getMessage(), e);
        }
        if (ChromaSubsampling.isHorizontal422(layout)) {
            throw new UnsupportedSourceException(name + " is a multi-frame image with 4:2:2 chroma (YBR_FULL_422),"
                    + " which SynthGate takes as single frames only");
        }
        long valueLength = (long) frames * layout.pixelCount() * layout.samplesPerPixel() * (layout.bitsAllocated() / 8);
        long padded = valueLength + (valueLength % 2);
        try (FileChannel channel = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            long offset = channel.size() - padded;
            ByteBuffer element = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (offset < 12 || channel.read(element, offset - 12) != 12) {
                throw new UnsupportedSourceException(name + " is shorter than its " + frames + " frames");
            }
            element.flip();
            boolean pixelData = element.getShort() == (short) 0x7FE0 && element.getShort() == 0x0010;
            element.position(8);
            if (!pixelData || (element.getInt() & 0xFFFFFFFFL) != padded) {
                throw new UnsupportedSourceException(name + ": its de-identified copy does not end with native Pixel"
                        + " Data of " + frames + " frames");
            }
            return new FrameStack(source, layout, frames, describe(header), offset,
                    layout.samplesPerPixel() > 1
                            && Attribute.getSingleIntegerValueOrDefault(header, TagFromName.PlanarConfiguration, 0) == 1);
        } catch (IOException e) {
            throw new UnsupportedSourceException(name + " cannot be read: " + e, e);
        }
    }

    private static Object samples(Attribute pixelData, PixelLayout layout) throws DicomException {
        if (layout.bitsAllocated() == 16) {
            return pixelData.getShortValues();
        }
        return pixelData instanceof OtherWordAttribute words ? words.getByteValues(false) : pixelData.getByteValues();
    }

    /** Converts colour-by-plane (Planar Configuration 1) to colour-by-pixel. */
    static Object interleave(Object planar, PixelLayout layout) {
        int pixels = layout.pixelCount();
        int spp = layout.samplesPerPixel();
        if (planar instanceof short[] words) {
            short[] out = new short[pixels * spp];
            for (int p = 0; p < pixels; p++) {
                for (int s = 0; s < spp; s++) {
                    out[p * spp + s] = words[s * pixels + p];
                }
            }
            return out;
        }
        byte[] bytes = (byte[]) planar;
        byte[] out = new byte[pixels * spp];
        for (int p = 0; p < pixels; p++) {
            for (int s = 0; s < spp; s++) {
                out[p * spp + s] = bytes[s * pixels + p];
            }
        }
        return out;
    }

    private static ImageDescription describe(AttributeList list) {
        return new ImageDescription(
                Attribute.getSingleStringValueOrNull(list, TagFromName.Modality),
                Attribute.getSingleStringValueOrNull(list, TagFromName.BodyPartExamined),
                Attribute.getSingleStringValueOrDefault(list, TagFromName.Laterality,
                        Attribute.getSingleStringValueOrNull(list, TagFromName.ImageLaterality)),
                Attribute.getSingleStringValueOrNull(list, TagFromName.InstanceNumber),
                Attribute.getSingleStringValueOrNull(list, TagFromName.RescaleIntercept),
                Attribute.getSingleStringValueOrNull(list, TagFromName.RescaleSlope),
                Attribute.getSingleStringValueOrNull(list, TagFromName.RescaleType),
                Attribute.getDelimitedStringValuesOrNull(list, TagFromName.WindowCenter),
                Attribute.getDelimitedStringValuesOrNull(list, TagFromName.WindowWidth),
                Attribute.getDelimitedStringValuesOrDefault(list, TagFromName.PixelSpacing,
                        Attribute.getDelimitedStringValuesOrNull(list, TagFromName.ImagerPixelSpacing)),
                lookupTables(list));
    }

    private static AttributeList lookupTables(AttributeList list) {
        AttributeList tables = new AttributeList();
        for (AttributeTag tag : new AttributeTag[] {ImageDescription.MODALITY_LUT_SEQUENCE, TagFromName.VOILUTSequence,
            TagFromName.VOILUTFunction}) {
            Attribute table = list.get(tag);
            if (table != null) {
                tables.put(table);
            }
        }
        return tables;
    }
}
