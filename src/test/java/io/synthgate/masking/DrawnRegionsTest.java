package io.synthgate.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.DrawnRegions;
import io.synthgate.mask.ImageRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regions drawn in the source become masks: the mammogram's overlay planes (graphics reference marks
 * in the file, re-typed as ROI for the positive case; one of them lies partly outside the image), and
 * the liver segment of a real segmentation. Expected areas and boxes were read with pydicom.
 */
class DrawnRegionsTest {

    private static final Path MAMMOGRAM = TestFiles.shared("fo-dicom/OutOfBoundsOverlay.dcm");
    private static final Path LIVER_SEGMENTATION = TestFiles.pydicom("liver_1frame.dcm");
    private static final SopInstanceUid LIVER_SLICE = new SopInstanceUid(
            "1.2.392.200103.20080913.113635.2.2009.6.22.21.43.10.23433.1");
    private static final SopInstanceUid IMAGE = new SopInstanceUid("2.25.1");

    @Test
    void anRoiOverlayIsPlacedAtItsOriginAndClippedToTheImage() throws Exception {
        AttributeList header = header(MAMMOGRAM);
        retype(header, 0x6000, "R");
        retype(header, 0x6002, "R");
        ImageRegions drawn = DrawnRegions.builder().overlays(IMAGE, OverlayPlanes.read(header, 1318, 788)).build().of(IMAGE);

        DrawnRegion inside = drawn.overlay(0x6000);
        assertEquals(185, inside.area(), "the plane's 201 pixels less those below the last row");
        assertEquals(List.of(408, 703, 508, 787), box(inside));
        DrawnRegion cornered = drawn.overlay(0x6002);
        assertEquals(149, cornered.area(), "origin (-25, -25): only what falls on the image");
        assertEquals(List.of(0, 0, 74, 74), box(cornered));

        MaskSpec both = MaskSpec.parse("overlay 6000; overlay 6002");
        assertTrue(both.readsDrawnRegions());
        assertEquals(185 + 149, both.rasterize(1318, 788, drawn).area());
    }

    @Test
    void aGraphicsOverlayIsNeverAMaskSinceItMayDrawText() throws Exception {
        ImageRegions drawn = DrawnRegions.builder().overlays(IMAGE, OverlayPlanes.read(header(MAMMOGRAM), 1318, 788))
                .build().of(IMAGE);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> drawn.overlay(0x6000));
        assertTrue(refused.getMessage().contains("graphics overlay (type G)"), refused.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> drawn.overlay(0x6004));
        assertTrue(absent.getMessage().contains("only overlay 6000, 6002"), absent.getMessage());
    }

    @Test
    void aSegmentationsSegmentMasksTheImageItsFrameNames() throws Exception {
        DrawnRegions.Builder builder = DrawnRegions.builder();
        Segmentations.Summary summary = Segmentations.read(LIVER_SEGMENTATION, "liver", builder);
        assertEquals(new Segmentations.Summary(1, 0), summary);
        ImageRegions slice = builder.build().of(LIVER_SLICE);

        DrawnRegion liver = slice.segment("1");
        assertEquals(36233, liver.area());
        assertEquals(List.of(79, 145, 350, 366), box(liver));
        assertEquals(liver, slice.segment("LIVER"), "by label, ignoring case");
        assertEquals(36233, MaskSpec.parse("segment liver").rasterize(512, 512, slice).area());

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> slice.segment("2"));
        assertTrue(other.getMessage().contains("it has 1 (Liver)"), other.getMessage());
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> MaskSpec.parse("segment 1").rasterize(256, 256, slice));
        assertTrue(wrongSize.getMessage().contains("512x512"), wrongSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("segment 1").rasterize(512, 512,
                DrawnRegions.NONE.of(IMAGE)), "an image the segmentation does not cover");
    }

    @Test
    void aSegmentationThatCannotBeReadGivesNoRegionsAtAll() throws Exception {
        AttributeList list = new AttributeList();
        list.read(LIVER_SEGMENTATION.toFile());
        list.remove(TagFromName.PixelData);
        Path broken = Files.createTempFile("seg", ".dcm");
        list.write(broken.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        DrawnRegions.Builder builder = DrawnRegions.builder();
        DicomException refused = assertThrows(DicomException.class, () -> Segmentations.read(broken, "broken", builder));
        assertTrue(refused.getMessage().contains("no readable frames"), refused.getMessage());
        assertEquals(0, builder.build().images());
    }

    @Test
    void anUploadedFileGivesItsSegmentsOrItsOwnOverlaysAndAnythingElseIsRefused() throws Exception {
        UploadedRegions.Uploaded segmentation = UploadedRegions.read(LIVER_SEGMENTATION, "uploaded liver.dcm");
        assertTrue(segmentation.segmentation());
        assertTrue(segmentation.regions().covers(LIVER_SLICE));
        assertFalse(segmentation.regions().covers(IMAGE));
        assertEquals(36233, segmentation.regions().of(LIVER_SLICE).segment("liver").area());

        AttributeList mammogram = new AttributeList();
        mammogram.read(MAMMOGRAM.toFile());
        retype(mammogram, 0x6000, "R");
        Path withOverlay = Files.createTempFile("overlay", ".dcm");
        mammogram.write(withOverlay.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        UploadedRegions.Uploaded image = UploadedRegions.read(withOverlay, "uploaded overlay.dcm");
        assertFalse(image.segmentation());
        SopInstanceUid own = new SopInstanceUid(Attribute.getSingleStringValueOrEmptyString(mammogram,
                TagFromName.SOPInstanceUID));
        assertEquals(185, image.regions().of(own).overlay(0x6000).area(), "on the image itself");

        Path text = Files.writeString(Files.createTempFile("notes", ".dcm"), "not DICOM at all");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> UploadedRegions.read(text, "uploaded notes.dcm"));
        assertTrue(refused.getMessage().startsWith("uploaded notes.dcm "), refused.getMessage());
    }

    @Test
    void aRouteThatCollectsNoRegionsIsToldWhichStepToAdd() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MaskSpec.parse("segment 1").rasterize(10, 10));
        assertTrue(refused.getMessage().contains("drawnRegionsStep"), refused.getMessage());
        assertFalse(MaskSpec.parse("rectangle 1 1 2 2").readsDrawnRegions());
    }

    @Test
    void croppedRegionsJoinAndPaintWhereTheyWereDrawn() {
        BitSet first = new BitSet();
        first.set(2 * 10 + 3);
        BitSet second = new BitSet();
        second.set(7 * 10 + 8);
        second.set(7 * 10 + 9);
        DrawnRegion joined = DrawnRegion.of("a", 10, 8, first).union(DrawnRegion.of("b", 10, 8, second));
        assertEquals(List.of(3, 2, 9, 7), box(joined));
        Mask mask = new Mask(10, 8);
        joined.paint(mask);
        assertEquals(3, mask.area());
        assertTrue(mask.isSet(3, 2) && mask.isSet(8, 7) && mask.isSet(9, 7));
        assertEquals(0, DrawnRegion.of("empty", 10, 8, new BitSet()).union(DrawnRegion.of("none", 10, 8, new BitSet())).area());
    }

    /** Left, top, right and bottom of the region's box, inclusive. */
    private static List<Integer> box(DrawnRegion region) {
        return List.of(region.left(), region.top(), region.left() + region.width() - 1, region.top() + region.height() - 1);
    }

    private static AttributeList header(Path file) throws Exception {
        AttributeList header = new AttributeList();
        header.read(file.toFile(), TagFromName.PixelData);
        return header;
    }

    private static void retype(AttributeList header, int group, String type) throws Exception {
        CodeStringAttribute overlayType = new CodeStringAttribute(new AttributeTag(group, 0x0040));
        overlayType.addValue(type);
        header.put(overlayType);
    }
}
