package io.synthgate.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PixelCleaningRuleTest {

    private static final MaskSpec TOP_ROW = MaskSpec.parse("rectangle 0 0 100% 1");

    @Test
    void aRuleCoversByModalityManufacturerModelAndMatrix() throws Exception {
        PixelCleaningRule rule = new PixelCleaningRule("acme", Optional.of("US"), Optional.of("acme"),
                Optional.of("sono 5"), OptionalInt.of(600), OptionalInt.empty(), TOP_ROW);
        assertTrue(rule.covers(header("US", "ACME Medical", "Sono 5 Pro", 600)));
        assertFalse(rule.covers(header("CT", "ACME Medical", "Sono 5 Pro", 600)), "another modality");
        assertFalse(rule.covers(header("US", "Other", "Sono 5 Pro", 600)), "another manufacturer");
        assertFalse(rule.covers(header("US", "ACME Medical", "Sono 7", 600)), "another model");
        assertFalse(rule.covers(header("US", "ACME Medical", "Sono 5 Pro", 480)), "another matrix");
    }

    @Test
    void aRuleThatWouldCoverEveryImageIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new PixelCleaningRule("all", Optional.empty(), Optional.empty(), Optional.empty(),
                        OptionalInt.of(512), OptionalInt.empty(), TOP_ROW));
        assertTrue(refused.getMessage().contains("every image"), refused.getMessage());
    }

    @Test
    void blankIsBlackInEachPhotometricInterpretation() {
        PixelCleaning.Cleaning cleaning = new PixelCleaning.Cleaning(List.of("r"), TOP_ROW);

        short[] monochrome1 = {100, 100, 7, 7};
        cleaning.blank(monochrome1, layout(1, 16, 12, "MONOCHROME1", false), 1, false);
        assertArrayEquals(new short[] {4095, 4095, 7, 7}, monochrome1);

        short[] signed = {100, 100, 7, 7};
        cleaning.blank(signed, layout(1, 16, 16, "MONOCHROME2", true), 1, false);
        assertArrayEquals(new short[] {Short.MIN_VALUE, Short.MIN_VALUE, 7, 7}, signed);

        byte[] ybr = {9, 9, 9, 9, 9, 9, 7, 7, 7, 7, 7, 7};
        cleaning.blank(ybr, layout(3, 8, 8, "YBR_FULL", false), 1, false);
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 128, 0, (byte) 128, (byte) 128, 7, 7, 7, 7, 7, 7}, ybr);
    }

    @Test
    void planarColourIsBlankedInEachPlaneAndEveryFrame() {
        PixelCleaning.Cleaning cleaning = new PixelCleaning.Cleaning(List.of("r"), TOP_ROW);
        // Two frames of 2x2 RGB by plane: R R R R G G G G B B B B, top row first in each plane.
        byte[] samples = new byte[24];
        Arrays.fill(samples, (byte) 9);
        assertEquals(2, cleaning.blank(samples, layout(3, 8, 8, "RGB", false), 2, true));
        for (int frame = 0; frame < 2; frame++) {
            for (int plane = 0; plane < 3; plane++) {
                int start = frame * 12 + plane * 4;
                assertArrayEquals(new byte[] {0, 0, 9, 9}, Arrays.copyOfRange(samples, start, start + 4),
                        "frame " + frame + ", plane " + plane);
            }
        }
    }

    private static PixelLayout layout(int samplesPerPixel, int allocated, int stored, String photometric, boolean signed) {
        return new PixelLayout(2, 2, samplesPerPixel, allocated, stored, stored - 1, signed, photometric);
    }

    private static AttributeList header(String modality, String manufacturer, String model, int rows) throws Exception {
        AttributeList list = new AttributeList();
        put(list, new CodeStringAttribute(TagFromName.Modality), modality);
        put(list, new LongStringAttribute(TagFromName.Manufacturer), manufacturer);
        put(list, new LongStringAttribute(TagFromName.ManufacturerModelName), model);
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(rows));
        return list;
    }

    private static void put(AttributeList list, com.pixelmed.dicom.Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }
}
