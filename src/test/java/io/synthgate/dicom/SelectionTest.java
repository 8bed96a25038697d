package io.synthgate.dicom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TagFromName;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final AeTitle PACS = new AeTitle("CLINICAL_PACS");

    @Test
    void everyCriterionMustHoldAndAnyListedValueWillDo() throws Exception {
        Selection radiographsOfTheKnee = Selection.parse("Modality=CR,DX; BodyPartExamined=knee");
        assertTrue(radiographsOfTheKnee.takes(header("DX", "KNEE", "AP standing"), PACS));
        assertFalse(radiographsOfTheKnee.takes(header("CT", "KNEE", "AP standing"), PACS), "another modality");
        assertFalse(radiographsOfTheKnee.takes(header("CR", "ANKLE", "AP"), PACS), "another body part");
        assertFalse(radiographsOfTheKnee.takes(new AttributeList(), PACS), "an absent attribute matches no listed value");
    }

    @Test
    void anAsteriskStandsForAnyRunOfCharacters() throws Exception {
        Selection weightBearing = Selection.parse("SeriesDescription=*standing*");
        assertTrue(weightBearing.takes(header("DX", "KNEE", "Knee AP STANDING left"), PACS));
        assertFalse(weightBearing.takes(header("DX", "KNEE", "Knee AP supine"), PACS));
        assertTrue(Selection.parse("SeriesDescription=(1+1)*").takes(header("DX", "KNEE", "(1+1) view"), PACS),
                "everything but the asterisk is taken literally");
    }

    @Test
    void anEmptySelectionTakesEverythingAndAnUnknownKeywordIsRefused() {
        assertTrue(Selection.parse(" ").takesAll());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Selection.parse("BodyPart=KNEE"));
        assertTrue(refused.getMessage().contains("not a DICOM attribute keyword"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Selection.parse("Modality"));
    }

    @Test
    void theCallingAeTitleSelectsWithoutReadingAnyHeader() throws Exception {
        Selection fromTheWardScanner = Selection.parse("CallingAE=WARD_DX*");
        assertFalse(fromTheWardScanner.readsHeader());
        assertTrue(fromTheWardScanner.takes(null, new AeTitle("ward_dx_2")));
        assertFalse(fromTheWardScanner.takes(null, PACS));

        Selection wardKnees = Selection.parse("CallingAE=WARD_DX1; BodyPartExamined=KNEE");
        assertTrue(wardKnees.readsHeader());
        assertTrue(wardKnees.takes(header("DX", "KNEE", "AP"), new AeTitle("WARD_DX1")));
        assertFalse(wardKnees.takes(header("DX", "KNEE", "AP"), PACS), "the same knee from another sender");
    }

    @Test
    void aTildeFindsARegularExpressionInTheValueIgnoringCase() throws Exception {
        Selection kneeOrPatella = Selection.parse("SeriesDescription~knee|patella");
        assertTrue(kneeOrPatella.takes(header("DX", "KNEE", "Left KNEE AP"), PACS));
        assertTrue(kneeOrPatella.takes(header("DX", "KNEE", "patella skyline"), PACS));
        assertFalse(kneeOrPatella.takes(header("DX", "ANKLE", "Ankle mortise"), PACS));
        assertTrue(Selection.parse("SeriesDescription~^AP$; Modality=DX").takes(header("DX", "KNEE", "AP"), PACS));
        assertFalse(Selection.parse("SeriesDescription~^AP$").takes(header("DX", "KNEE", "AP standing"), PACS),
                "anchors hold the whole value");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> Selection.parse("SeriesDescription~knee("));
        assertTrue(broken.getMessage().contains("is not a regular expression"), broken.getMessage());
    }

    @Test
    void callingAeTitleIsTheLongFormOfCallingAe() throws Exception {
        Selection fromTheRoom = Selection.parse("CallingAETitle=CR_ROOM1");
        assertFalse(fromTheRoom.readsHeader());
        assertTrue(fromTheRoom.takes(null, new AeTitle("CR_ROOM1")));
        assertFalse(fromTheRoom.takes(null, PACS));
    }

    private static AttributeList header(String modality, String bodyPart, String seriesDescription) throws Exception {
        AttributeList list = new AttributeList();
        CodeStringAttribute m = new CodeStringAttribute(TagFromName.Modality);
        m.addValue(modality);
        list.put(m);
        CodeStringAttribute b = new CodeStringAttribute(TagFromName.BodyPartExamined);
        b.addValue(bodyPart);
        list.put(b);
        LongStringAttribute d = new LongStringAttribute(TagFromName.SeriesDescription);
        d.addValue(seriesDescription);
        list.put(d);
        return list;
    }
}
