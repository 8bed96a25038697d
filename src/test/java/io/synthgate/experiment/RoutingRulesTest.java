package io.synthgate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.Selection;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.pipeline.Experiment;
import io.synthgate.study.SourceInstance;
import io.synthgate.testing.TestExperiments;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example: knees from CR_ROOM1 go to outpaint and the presets, every CT to inpaint. */
class RoutingRulesTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @TempDir
    Path folder;

    private final List<Experiment> experiments = List.of(
            rule("inpaint", "Modality=CT"),
            rule("outpaint", "CallingAETitle=CR_ROOM1; Modality=CR,DX; BodyPartExamined=KNEE"),
            rule("radiograph-presets", "CallingAETitle=CR_ROOM1; Modality=CR,DX; BodyPartExamined=KNEE"),
            rule("knee-reports", "StudyDescription~knee|patella"));

    @Test
    void aKneeRadiographFromTheRoomGoesToOutpaintAndThePresets() throws Exception {
        List<SourceInstance> study = List.of(instance("CR_ROOM1", "CR", "KNEE", "Knee AP and lateral"),
                instance("CR_ROOM1", "CR", "KNEE", "Knee AP and lateral"));

        assertEquals(List.of("outpaint", "radiograph-presets", "knee-reports"), chosen(study));
    }

    @Test
    void theSameKneeFromAnotherSenderGoesOnlyWhereItsDescriptionLeads() throws Exception {
        assertEquals(List.of("knee-reports"), chosen(List.of(instance("WARD_DX", "DX", "KNEE", "PATELLA skyline"))));
    }

    @Test
    void oneMatchingInstanceTakesTheStudyAndAStudyNoRuleTakesGoesNowhere() throws Exception {
        List<SourceInstance> mixed = List.of(instance("CT_SCANNER", "SR", "", "Dose report"),
                instance("CT_SCANNER", "CT", "CHEST", "Chest CT"));
        assertEquals(List.of("inpaint"), chosen(mixed));
        assertEquals(List.of(), chosen(List.of(instance("MR_3T", "MR", "BRAIN", "Head MR"))));
    }

    @Test
    void anExperimentWithoutARuleTakesEveryStudy() throws Exception {
        Experiment everything = TestExperiments.named("everything").build();
        assertEquals(List.of(everything), RoutingRules.choose(List.of(everything),
                List.of(instance("MR_3T", "MR", "BRAIN", "Head MR"))));
    }

    private List<String> chosen(List<SourceInstance> study) throws Exception {
        return RoutingRules.choose(experiments, study).stream().map(Experiment::name).toList();
    }

    private static Experiment rule(String name, String when) {
        Experiment plain = TestExperiments.named(name).build();
        return new Experiment(plain.name(), plain.operation(), Optional.of(Selection.parse(when)), plain.select(),
                plain.mask(), plain.generator(), plain.prompt(), plain.negativePrompt(), plain.seed(), plain.candidates(), plain.steps(),
                plain.review(), plain.readers(), plain.destinations(), plain.deidRetain(), plain.imagesPerDay());
    }

    private SourceInstance instance(String callingAe, String modality, String bodyPart, String studyDescription)
            throws Exception {
        String sop = "2.25." + (1000 + SERIAL.incrementAndGet());
        AttributeList header = new AttributeList();
        put(header, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.ComputedRadiographyImageStorage);
        put(header, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sop);
        put(header, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), "2.25.99");
        put(header, new CodeStringAttribute(TagFromName.Modality), modality);
        put(header, new CodeStringAttribute(TagFromName.BodyPartExamined), bodyPart);
        put(header, new LongStringAttribute(TagFromName.StudyDescription), studyDescription);
        FileMetaInformation.addFileMetaInformation(header, TransferSyntax.ExplicitVRLittleEndian, callingAe);
        Path file = folder.resolve(sop + ".dcm");
        header.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return new SourceInstance(new StudyInstanceUid("2.25.99"), "2.25.98", new SopInstanceUid(sop),
                SOPClass.ComputedRadiographyImageStorage, modality, new AeTitle(callingAe), file);
    }

    private static void put(AttributeList list, com.pixelmed.dicom.Attribute attribute, String value) throws Exception {
        if (!value.isEmpty()) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }
}
