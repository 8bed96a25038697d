package io.synthgate.ingest;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.spool.Spool;
import io.synthgate.study.ArrivalRecorder;
import io.synthgate.study.ReceivedInstance;
import io.synthgate.study.StudyService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Records the received objects that are in the spool but not in the database: those acknowledged just
 * before a crash, while their records were still queued. It looks when the gateway starts, and every
 * {@code synthgate.spool.recovery-interval}, since with replicas sharing the spool the one that crashed
 * may never start again; an object another replica is recording at the same moment is recorded once
 * all the same (recording takes the study's lock and knows instances by SOP Instance UID). Everything
 * a record holds is in the spool file; the calling AE title is in its meta header's Source
 * Application Entity Title (0002,0016), and the arrival time is the file's modification time.
 */
@ApplicationScoped
public class SpoolRecovery {

    private static final Logger LOG = Logger.getLogger(SpoolRecovery.class);

    private final Spool spool;
    private final StudyService studies;
    private final ArrivalRecorder recorder;

    public SpoolRecovery(Spool spool, StudyService studies, ArrivalRecorder recorder) {
        this.spool = spool;
        this.studies = studies;
        this.recorder = recorder;
    }

    /** Runs after the recorder starts and before the DICOM listener opens. */
    void recover(@Observes @Priority(ArrivalRecorder.STARTS_AT + 1) StartupEvent event) throws IOException {
        int recovered = recordUnrecorded();
        if (recovered > 0) {
            LOG.infof("Found %d received objects in the spool without a record (acknowledged just before the "
                    + "gateway stopped); recording them now", recovered);
        }
    }

    @Scheduled(every = "${synthgate.spool.recovery-interval:5m}", delayed = "${synthgate.spool.recovery-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileDatabaseDown.class)
    void recoverPeriodically() throws IOException {
        if (!recorder.awaitRecorded()) {
            return;
        }
        int recovered = recordUnrecorded();
        if (recovered > 0) {
            LOG.infof("Found %d received objects in the spool without a record (acknowledged by a replica that "
                    + "stopped before recording them); recording them now", recovered);
        }
    }

    /**
     * Queues every received object in the spool that has no record for recording.
     *
     * @return how many were queued
     */
    public int recordUnrecorded() throws IOException {
        if (!Files.isDirectory(spool.inbound())) {
            return 0;
        }
        Map<String, Integer> recordedCounts = studies.recordedInstanceCounts();
        int recovered = 0;
        try (DirectoryStream<Path> studyFolders = Files.newDirectoryStream(spool.inbound(), Files::isDirectory)) {
            for (Path folder : studyFolders) {
                // A folder holds one file per recorded instance once all of it is recorded; only the
                // others are compared file by file, so start-up does not read every study ever received.
                if (spooledFiles(folder) != recordedCounts.getOrDefault(folder.getFileName().toString(), 0)) {
                    recovered += recoverStudy(folder);
                }
            }
        }
        return recovered;
    }

    private static int spooledFiles(Path folder) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.dcm")) {
            for (Path ignored : files) {
                count++;
            }
        }
        return count;
    }

    private int recoverStudy(Path folder) throws IOException {
        StudyInstanceUid study;
        try {
            study = new StudyInstanceUid(folder.getFileName().toString());
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignoring %s in the spool: its name is not a Study Instance UID", folder);
            return 0;
        }
        Set<Path> recorded = studies.recordedFiles(study);
        int recovered = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.dcm")) {
            for (Path file : files) {
                if (!recorded.contains(file)) {
                    recovered += recoverFile(file) ? 1 : 0;
                }
            }
        }
        return recovered;
    }

    private boolean recoverFile(Path file) {
        try {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            list.read(file.toFile(), TagFromName.PixelData);
            ReceivedObjectInspector.Valid valid = ReceivedObjectInspector.identify(list);
            recorder.submit(new ReceivedInstance(valid.study(), valid.seriesInstanceUid(), valid.sopInstanceUid(),
                    Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID),
                    Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID),
                    valid.modality(),
                    new AeTitle(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SourceApplicationEntityTitle)),
                    file, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
            return true;
        } catch (IOException | DicomException | RuntimeException e) {
            LOG.errorf("Cannot record %s from the spool: %s; it stays there", file, e);
            return false;
        }
    }
}
