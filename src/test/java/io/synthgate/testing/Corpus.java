package io.synthgate.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.study.SourceInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole test corpus: the shared test data and pydicom's test files, as stored instances. */
public final class Corpus {

    /** The calling AE title the corpus's instances are recorded as sent by. */
    public static final AeTitle SENDER = new AeTitle("CORPUS");

    private Corpus() {
    }

    /** Every file of both folders that names a valid study and instance (others are not DICOM objects). */
    public static List<SourceInstance> instances() throws Exception {
        List<SourceInstance> instances = new ArrayList<>();
        for (Path folder : List.of(TestFiles.SHARED.resolve("fo-dicom"), TestFiles.PYDICOM)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    instance(file).ifPresent(instances::add);
                }
            }
        }
        return instances;
    }

    /** The file as a stored instance, or empty when it is no DICOM object with valid UIDs. */
    public static Optional<SourceInstance> instance(Path file) {
        try {
            AttributeList list = new AttributeList();
            list.read(file.toFile(), TagFromName.PixelData);
            return Optional.of(new SourceInstance(
                    new StudyInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID)),
                    Attribute.getSingleStringValueOrNull(list, TagFromName.SeriesInstanceUID),
                    new SopInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID)),
                    Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID),
                    Attribute.getSingleStringValueOrNull(list, TagFromName.Modality), SENDER, file));
        } catch (Exception notAnObject) {
            return Optional.empty();
        }
    }
}
