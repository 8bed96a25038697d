package io.synthgate.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskSpecTest {

    @Test
    void relativeRectangleScalesWithTheImage() {
        Mask mask = MaskSpec.parse("rectangle 40% 40% 20% 20%").rasterize(100, 50);
        assertEquals(20 * 10, mask.area());
        assertTrue(mask.isSet(40, 20));
        assertTrue(mask.isSet(59, 29));
        assertFalse(mask.isSet(60, 29));
        assertFalse(mask.isSet(39, 20));
        assertFalse(mask.isSet(40, 30));
    }

    @Test
    void pixelRectangleIsClippedToTheImage() {
        Mask mask = MaskSpec.parse("rectangle 90 0 50 5").rasterize(100, 100);
        assertEquals(10 * 5, mask.area());
    }

    @Test
    void textFormReadsBack() {
        MaskSpec spec = MaskSpec.parse("  Rectangle 10 20px 12.5% 30%  ");
        assertEquals("rectangle 10 20 12.5% 30%", spec.text());
        assertEquals(spec, MaskSpec.parse(spec.text()));
    }

    @Test
    void rejectsWhatIsNotAMask() {
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse(""));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("circle 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("rectangle 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("rectangle 1 2 three 4"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("rectangle 10% 10% 120% 10%"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("rectangle -1 0 5 5"));
    }

    @Test
    void refusesARectangleThatCoversNoPixel() {
        MaskSpec outside = MaskSpec.parse("rectangle 200 200 10 10");
        assertThrows(IllegalArgumentException.class, () -> outside.rasterize(100, 100));
    }
}
