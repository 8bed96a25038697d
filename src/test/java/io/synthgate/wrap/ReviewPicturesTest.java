package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.testing.TestFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed CT whose stored values go below zero (air at -1000 and the label's black at -32768, as on
 * CTs that store Hounsfield units directly) is shown dark where it is dark, in the review's pictures
 * and in its full-range window.
 */
class ReviewPicturesTest {

    @TempDir
    Path folder;

    @Test
    void negativeStoredValuesOfASignedImageAreDarkNotWhite() throws Exception {
        AttributeList list = new AttributeList();
        list.read(TestFiles.pydicom("CT_small.dcm").toFile());
        assertEquals(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0));
        short[] values = list.get(TagFromName.PixelData).getShortValues();
        values[0] = -1000;
        values[1] = Short.MIN_VALUE;
        list.remove(TagFromName.RescaleIntercept);
        list.remove(TagFromName.RescaleSlope);
        Path file = folder.resolve("signed.dcm");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        ReviewPictures pictures = new ReviewPictures();

        BufferedImage picture = pictures.render(file, new ReviewPictures.Window("soft tissue", 40, 400));

        assertEquals(0, picture.getRaster().getSample(0, 0, 0), "air");
        assertEquals(0, picture.getRaster().getSample(1, 0, 0), "the label's black");
        assertTrue(picture.getRaster().getSample(picture.getWidth() / 2, picture.getHeight() / 2, 0) > 0,
                "the body is not black");
        ReviewPictures.Window full = pictures.windows(file).get(0);
        assertEquals(Short.MIN_VALUE, full.center() - full.width() / 2, 1, "the full range's low end: " + full);
    }
}
