package io.synthgate.pixels;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.UnsupportedSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Decodes a de-identified object into a {@link SourceImage} with PixelMed. De-identification already
 * decompressed it (uncompressed, deflate, RLE, JPEG with pixelmed_imageio, JPEG 2000 with
 * jai-imageio). Colour is handed on sample-interleaved.
 */
@ApplicationScoped
public class PixelDecoder {

    public SourceImage decode(DeidentifiedSource source) throws UnsupportedSourceException {
        String name = "SOP Instance " + source.original();
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
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        if (frames != 1) {
            throw new UnsupportedSourceException(name + " has " + frames + " frames; multi-frame sources are not supported yet");
        }
        try {
            PixelLayout layout = new PixelLayout(
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 0),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.HighBit, -1),
                    Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1,
                    Attribute.getSingleStringValueOrDefault(list, TagFromName.PhotometricInterpretation, "MONOCHROME2"));
            Object samples = samples(pixelData, layout);
            if (layout.samplesPerPixel() > 1
                    && Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1) {
                samples = interleave(samples, layout);
            }
            return new SourceImage(source, layout, samples, describe(list));
        } catch (DicomException | IllegalArgumentException e) {
            throw new UnsupportedSourceException(name + " has pixel data SynthGate cannot use: " + e.getMessage(), e);
        }
    }

    private static Object samples(Attribute pixelData, PixelLayout layout) throws DicomException {
        if (layout.bitsAllocated() == 16) {
            return pixelData.getShortValues();
        }
        return pixelData instanceof OtherWordAttribute words ? words.getByteValues(false) : pixelData.getByteValues();
    }

    /** Converts colour-by-plane (Planar Configuration 1) to colour-by-pixel. */
    private static Object interleave(Object planar, PixelLayout layout) {
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
                Attribute.getDelimitedStringValuesOrNull(list, TagFromName.WindowWidth));
    }
}
