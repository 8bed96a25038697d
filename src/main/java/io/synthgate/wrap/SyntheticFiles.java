package io.synthgate.wrap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.ConsumerFormatImageMaker;
import com.pixelmed.display.SourceImage;
import io.synthgate.deid.OutputSeal;
import io.synthgate.pixels.PixelBox;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads back what reports and review need from a written synthetic object: its picture, its mask,
 * the model that made it, and where its de-identified source lies (never the clinical object).
 */
@ApplicationScoped
public class SyntheticFiles {

    private static final AttributeTag MODEL = new AttributeTag(0x0099, 0x1001);
    private static final AttributeTag STUDIES = new AttributeTag(0x0008, 0x1200);
    private static final AttributeTag SOURCE_REGION = new AttributeTag(0x0099, 0x100F);

    private final Spool spool;

    public SyntheticFiles(Spool spool) {
        this.spool = spool;
    }

    /**
     * What a synthetic object says about itself, read from its header.
     *
     * @param model the generator's model, from the provenance block (0099,1001)
     * @param provider the generator's provider, written as the object's Manufacturer
     * @param operation INPAINT, OUTPAINT, ERASE or TXT2IMG: the fourth value of Image Type
     * @param bodyPart Body Part Examined, empty when absent
     * @param source the de-identified source the object references, when it is still in the spool
     * @param studyInstanceUid the synthetic study the object belongs to
     */
    public record Header(String model, String provider, String operation, String bodyPart, Optional<Path> source,
            String studyInstanceUid) {

        /** What is known of an object whose file retention removed: nothing beyond its database record. */
        public static final Header REMOVED = new Header("", "", "", "", Optional.empty(), "");
    }

    /**
     * What a synthetic object says about where it was generated: its mask and, for an outpainted object,
     * where its source lies on the grown canvas (0099,100F) and where each stage of its outpainting lies
     * (0099,1014), first the original source, last the whole image, and where its burned-in label lies
     * (0099,100E); each box column, row, width, height.
     */
    public record Regions(Optional<boolean[][]> mask, Optional<int[]> sourceRegion, List<PixelBox> stages,
            Optional<PixelBox> label) {

        /** Nothing known: no object to read. */
        public static final Regions NONE = new Regions(Optional.empty(), Optional.empty(), List.of(), Optional.empty());

        public Regions {
            stages = List.copyOf(stages);
        }
    }

    /** The header (Pixel Data excluded) of a synthetic object. */
    public Header header(Path file) throws IOException {
        AttributeList header = new AttributeList();
        try {
            header.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException e) {
            throw unreadable(file, e);
        }
        String[] types = Attribute.getStringValues(header, TagFromName.ImageType);
        return new Header(Attribute.getSingleStringValueOrEmptyString(header, MODEL),
                Attribute.getSingleStringValueOrEmptyString(header, TagFromName.Manufacturer),
                types == null || types.length < 4 ? "" : types[3],
                Attribute.getSingleStringValueOrEmptyString(header, TagFromName.BodyPartExamined), source(header),
                Attribute.getSingleStringValueOrEmptyString(header, TagFromName.StudyInstanceUID));
    }

    /** The header of a synthetic object still in the spool; empty once retention removed it. */
    public Optional<Header> headerIfKept(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(header(file)) : Optional.empty();
    }

    /** The object's mask and where its source lies, read without its pixels. */
    public Regions regions(Path file) throws IOException {
        AttributeList header = new AttributeList();
        try {
            header.read(file.toFile(), TagFromName.PixelData);
            int[] region = Attribute.getIntegerValues(header, SOURCE_REGION);
            return new Regions(mask(header), region == null || region.length != 4 ? Optional.empty() : Optional.of(region),
                    PixelBox.listOf(Attribute.getIntegerValues(header, OutputSeal.STAGES)),
                    PixelBox.listOf(Attribute.getIntegerValues(header, OutputSeal.LABEL_BOX)).stream().findFirst());
        } catch (DicomException e) {
            throw unreadable(file, e);
        }
    }

    private Optional<Path> source(AttributeList header) {
        SequenceAttribute sources = (SequenceAttribute) header.get(TagFromName.SourceImageSequence);
        SequenceAttribute studies = (SequenceAttribute) header.get(STUDIES);
        if (sources == null || studies == null || sources.getNumberOfItems() == 0 || studies.getNumberOfItems() == 0) {
            return Optional.empty();
        }
        String sop = Attribute.getSingleStringValueOrEmptyString(sources.getItem(0).getAttributeList(),
                TagFromName.ReferencedSOPInstanceUID);
        String study = Attribute.getSingleStringValueOrEmptyString(studies.getItem(0).getAttributeList(),
                TagFromName.StudyInstanceUID);
        Path file = spool.deidentified().resolve(study).resolve(sop + ".dcm");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The first frame of an object as an 8-bit picture. Grayscale is windowed over the 1st to 99th
     * percentile of its values outside the burned-in label's box (0099,100E), so a synthetic object
     * and its source look alike; MONOCHROME1 is shown inverted, as viewers do.
     */
    public BufferedImage picture(Path file) throws IOException {
        try {
            return picture(readAll(file));
        } catch (DicomException e) {
            throw unreadable(file, e);
        }
    }

    private static AttributeList readAll(Path file) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (DicomException e) {
            throw unreadable(file, e);
        }
        return list;
    }

    private static IOException unreadable(Path file, DicomException e) {
        return new IOException("Synthetic object " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
    }

    private static BufferedImage picture(AttributeList list) throws DicomException {
        SourceImage image = new SourceImage(list);
        BufferedImage raw = image.getBufferedImage(0);
        if (raw.getRaster().getNumBands() != 1) {
            return ConsumerFormatImageMaker.makeEightBitImage(list);
        }
        int width = raw.getWidth();
        int height = raw.getHeight();
        int[] values = FirstFrame.values(image, raw);
        int[] box = Attribute.getIntegerValues(list, OutputSeal.LABEL_BOX);
        int[] sorted = IntStream.range(0, values.length)
                .filter(p -> box == null || box.length < 4 || p % width < box[0] || p % width >= box[0] + box[2]
                        || p / width < box[1] || p / width >= box[1] + box[3])
                .map(p -> values[p]).sorted().toArray();
        double low = sorted[(int) (sorted.length * 0.01)];
        double high = Math.max(low + 1, sorted[(int) (sorted.length * 0.99)]);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] gray = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < values.length; p++) {
            int level = (int) Math.max(0, Math.min(255, Math.round((values[p] - low) / (high - low) * 255)));
            gray[p] = (byte) (image.isInverted() ? 255 - level : level);
        }
        return picture;
    }

    /** The mask of a single-frame synthetic object, from its overlay 6000 (set = regenerated); empty when it has none. */
    private static Optional<boolean[][]> mask(AttributeList list) throws DicomException {
        Attribute data = list.get(new AttributeTag(0x6000, 0x3000));
        int rows = Attribute.getSingleIntegerValueOrDefault(list, new AttributeTag(0x6000, 0x0010), 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, new AttributeTag(0x6000, 0x0011), 0);
        if (data == null || rows == 0 || columns == 0) {
            return Optional.empty();
        }
        byte[] bits = data instanceof OtherWordAttribute words ? words.getByteValues(false) : data.getByteValues();
        boolean[][] mask = new boolean[rows][columns];
        for (int i = 0; i < rows * columns && i / 8 < bits.length; i++) {
            mask[i / columns][i % columns] = (bits[i / 8] >> (i % 8) & 1) != 0;
        }
        return Optional.of(mask);
    }
}
