package io.synthgate.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.dicom.SopInstanceUid;
import java.util.List;
import java.util.Map;
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
    void drawnRegionSpecsReadBackAndRefuseWhatIsNoOverlayGroup() {
        for (String text : List.of("overlay 6000", "segment 2", "segment left kidney", "segment liver; rectangle 1 1 2 2")) {
            assertEquals(text, MaskSpec.parse(text).text());
        }
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("overlay 6001"), "groups are even");
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("overlay 7000"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("overlay"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("segment"));
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
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("circle 1 2 3 4"));
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

    @Test
    void ellipseCoversItsInsideOnly() {
        Mask mask = MaskSpec.parse("ellipse 50% 50% 10 5").rasterize(40, 40);
        assertTrue(mask.isSet(20, 20));
        assertTrue(mask.isSet(29, 20), "inside along the long axis");
        assertFalse(mask.isSet(20, 26), "outside along the short axis");
        assertFalse(mask.isSet(28, 24), "outside near the corner of the bounding box");
        assertEquals(Math.PI * 10 * 5, mask.area(), 12.0);
    }

    @Test
    void polygonFillsATriangle() {
        Mask mask = MaskSpec.parse("polygon 0 0 20 0 0 20").rasterize(20, 20);
        assertTrue(mask.isSet(1, 1));
        assertTrue(mask.isSet(17, 1));
        assertFalse(mask.isSet(17, 17));
        assertEquals(200, mask.area(), 20);
    }

    @Test
    void randomErasingIsReproducibleFromItsSeed() {
        Mask first = MaskSpec.parse("random-erase 8 5% 15% 42").rasterize(200, 100);
        Mask again = MaskSpec.parse("random-erase 8 5% 15% 42").rasterize(200, 100);
        Mask other = MaskSpec.parse("random-erase 8 5% 15% 43").rasterize(200, 100);
        boolean differs = false;
        for (int i = 0; i < 200 * 100; i++) {
            assertEquals(first.isSet(i), again.isSet(i), "pixel " + i);
            differs |= first.isSet(i) != other.isSet(i);
        }
        assertTrue(differs, "another seed gives other boxes");
        assertTrue(first.area() >= 8 * 10 * 5 / 2 && first.area() <= 8 * 30 * 15, "area " + first.area());
    }

    @Test
    void shapesJoinedBySemicolonsCoverTheirUnion() {
        MaskSpec spec = MaskSpec.parse("rectangle 0 0 2 2; rectangle 8 8 2 2");
        assertEquals(8, spec.rasterize(10, 10).area());
        assertEquals("rectangle 0 0 2 2; rectangle 8 8 2 2", spec.text());
        assertEquals(spec, MaskSpec.parse(spec.text()));
    }

    @Test
    void rejectsMalformedShapes() {
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("polygon 0 0 1 1"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("random-erase 0 5% 10% 1"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("random-erase 3 20% 10% 1"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("random-erase 3 5% 10% x"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("ellipse 1 2 3"));
    }

    @Test
    void extendGrowsTheCanvasAndMasksTheNewBorder() {
        MaskSpec spec = MaskSpec.parse("extend top 10% left 4");
        assertEquals(new CanvasGrowth(5, 0, 0, 4), spec.growth(100, 50));
        Mask mask = spec.rasterize(100, 50);
        assertEquals(104, mask.columns());
        assertEquals(55, mask.rows());
        assertEquals(104 * 55 - 100 * 50, mask.area(), "exactly the border");
        assertTrue(mask.isSet(103, 4));
        assertTrue(mask.isSet(3, 54));
        assertFalse(mask.isSet(4, 5));
        assertEquals("extend top 10% left 4", spec.text());
        assertEquals(spec, MaskSpec.parse(spec.text()));
    }

    @Test
    void shapesBesideAnExtendKeepTheSourcesCoordinates() {
        Mask mask = MaskSpec.parse("extend top 10; rectangle 0 0 2 2").rasterize(20, 20);
        assertTrue(mask.isSet(0, 10), "the rectangle's corner moved down with the source");
        assertTrue(mask.isSet(1, 11));
        assertFalse(mask.isSet(2, 12));
        assertEquals(20 * 10 + 4, mask.area());
    }

    @Test
    void extendNamesEachSideOnce() {
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("extend top 10 top 20"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("extend up 10"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("extend top"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("extend top 10; extend bottom 10"));
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("extend top 0").rasterize(10, 10),
                "growing by nothing masks nothing");
    }

    @Test
    void aStrokeCoversThePixelsWithinItsRadiusOfThePath() {
        Mask line = MaskSpec.parse("stroke 2 10 10 30 10").rasterize(40, 20);
        assertTrue(line.isSet(10, 10));
        assertTrue(line.isSet(20, 11), "1.5 px below the path's centre line");
        assertFalse(line.isSet(20, 12), "2.5 px below it");
        assertTrue(line.isSet(31, 10), "the round cap past the last point");
        assertFalse(line.isSet(33, 10));
        Mask dot = MaskSpec.parse("stroke 3 5 5").rasterize(20, 20);
        assertEquals(32, dot.area(), "the pixel centres within 3 px of (5, 5): 6x6 but the four corners");
        assertEquals("stroke 2 10 10 30 10", MaskSpec.parse("stroke 2 10 10 30 10").text());
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("stroke 2 10"), "a point needs x and y");
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("stroke 2"));
    }

    @Test
    void anExpertMaskIsTheRegionDrawnForTheImageAndSaysSoWhenThereIsNone() {
        MaskSpec expert = MaskSpec.parse("expert");
        assertTrue(expert.needsExpertMask());
        assertTrue(MaskSpec.parse("rectangle 0 0 1 1; expert").needsExpertMask());
        assertFalse(expert.readsDrawnRegions(), "the study's overlays and segments do not decide which images it takes");
        assertFalse(MaskSpec.parse("segment 1").needsExpertMask());
        assertEquals("expert", expert.text());
        assertThrows(IllegalArgumentException.class, () -> MaskSpec.parse("expert 2"));

        Mask drawn = MaskSpec.parse("rectangle 2 3 4 5").rasterize(10, 10);
        DrawnRegions withMask = DrawnRegions.NONE.withExpertMasks(Map.of(IMAGE, drawn.region("expert mask version 1")));
        Mask mask = expert.rasterize(10, 10, withMask.of(IMAGE));
        assertEquals(20, mask.area());
        assertTrue(mask.isSet(2, 3));
        assertFalse(mask.isSet(6, 3));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> expert.rasterize(10, 10, withMask.of(new SopInstanceUid("1.2.3.5"))));
        assertTrue(none.getMessage().contains("no researcher has drawn a mask for this image"), none.getMessage());
        IllegalArgumentException notWaited = assertThrows(IllegalArgumentException.class, () -> expert.rasterize(10, 10));
        assertTrue(notWaited.getMessage().contains("expertMaskStep"), notWaited.getMessage());
    }

    private static final SopInstanceUid IMAGE = new SopInstanceUid("1.2.3.4");
}
