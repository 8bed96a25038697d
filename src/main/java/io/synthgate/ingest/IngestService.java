package io.synthgate.ingest;

import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.dicom.Uids;
import io.synthgate.spool.Spool;
import io.synthgate.study.ArrivalRecorder;
import io.synthgate.study.ReceivedInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Decides the answer to a C-STORE: the data set is inspected and made durable under its final name
 * before {@link DimseStatus#SUCCESS} is returned, and handed to the {@link ArrivalRecorder} to be
 * recorded with its study. Anything that fails on the way answers with a failure status, names the
 * cause in the log, and leaves no trace in the spool.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final Spool spool;
    private final ArrivalRecorder recorder;
    private final Clock clock;
    private final DicomMetrics metrics;

    public IngestService(Spool spool, ArrivalRecorder recorder, Clock clock, DicomMetrics metrics) {
        this.metrics = metrics;
        this.spool = spool;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** The status to answer the C-STORE with; SUCCESS only once the object is durable in the spool. */
    public DimseStatus accept(StoreRequest request) {
        DimseStatus status = keep(request);
        if (status != DimseStatus.SUCCESS) {
            metrics.refused(status);
        }
        return status;
    }

    private DimseStatus keep(StoreRequest request) {
        String peer = request.callingAeTitle() + " (SOP Instance " + request.affectedSopInstanceUid() + ")";
        if (request.spoolFull()) {
            LOG.errorf("Refused C-STORE from %s: spool %s has less free space than synthgate.spool.min-free-space"
                    + " plus synthgate.spool.pipeline-reserve", peer, spool.inbound());
            return DimseStatus.OUT_OF_RESOURCES;
        }
        if (recorder.backlogged()) {
            LOG.errorf("Refused C-STORE from %s: too many acknowledged instances are waiting for the database, "
                    + "which is refusing or slow to take them", peer);
            return DimseStatus.OUT_OF_RESOURCES;
        }
        if (request.temporaryFile() == null) {
            LOG.warnf("Refused C-STORE from %s with %s: the request carried no data set", peer,
                    DimseStatus.CANNOT_UNDERSTAND.hex());
            return DimseStatus.CANNOT_UNDERSTAND;
        }
        try {
            ReceivedObjectInspector.Inspection inspection = ReceivedObjectInspector.inspect(request);
            if (inspection instanceof ReceivedObjectInspector.Invalid invalid) {
                LOG.warnf("Refused C-STORE from %s with %s: %s", peer, invalid.status().hex(), invalid.reason());
                return invalid.status();
            }
            ReceivedObjectInspector.Valid valid = (ReceivedObjectInspector.Valid) inspection;
            warnOfNonConformantUids(peer, valid);
            Path target = spool.inbound().resolve(valid.study().value()).resolve(valid.sopInstanceUid().value() + ".dcm");
            long size = Files.size(request.temporaryFile());
            spool.commit(request.temporaryFile(), target);
            metrics.stored(size);
            recorder.submit(new ReceivedInstance(valid.study(), valid.seriesInstanceUid(), valid.sopInstanceUid(),
                    request.affectedSopClassUid(), request.transferSyntaxUid(), valid.modality(),
                    new AeTitle(request.callingAeTitle()), target, size, clock.instant()));
            return DimseStatus.SUCCESS;
        } catch (Exception e) {
            LOG.errorf(e, "Refused C-STORE from %s with %s: could not keep the object", peer,
                    DimseStatus.OUT_OF_RESOURCES.hex());
            return DimseStatus.OUT_OF_RESOURCES;
        } finally {
            spool.discard(request.temporaryFile());
        }
    }

    /**
     * Archives hold UIDs with a leading zero in a component (PS3.5 9.1 forbids it) and Orthanc and DCMTK
     * keep them; so does SynthGate, since de-identification replaces every UID, but it says so.
     */
    private static void warnOfNonConformantUids(String peer, ReceivedObjectInspector.Valid valid) {
        List<String> broken = Stream.of(valid.study().value(), valid.seriesInstanceUid(), valid.sopInstanceUid().value())
                .filter(uid -> uid != null && !Uids.isConformant(uid)).toList();
        if (!broken.isEmpty()) {
            LOG.warnf("Accepted C-STORE from %s although its UIDs %s break the UID rules of PS3.5 9.1 (a component with a"
                    + " leading zero); de-identification replaces them", peer, broken);
        }
    }
}
