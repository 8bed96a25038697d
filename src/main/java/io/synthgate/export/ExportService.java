package io.synthgate.export;

import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends a job's not-yet-exported outputs to a destination and records each acknowledgement. Only
 * outputs the peer answered with success are marked exported; the rest stay pending for a retry.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final Destinations destinations;
    private final DicomPeerClient client;
    private final JobOutputService outputs;

    public ExportService(Destinations destinations, DicomPeerClient client, JobOutputService outputs) {
        this.destinations = destinations;
        this.client = client;
        this.outputs = outputs;
    }

    /** Sends the job's generated and approved outputs, and its rejected ones when {@code includeRejected}. */
    public void export(UUID jobId, String destinationName, boolean includeRejected) throws ExportFailedException {
        Destination destination = destinations.get(destinationName);
        if (destination.kind() == DestinationKind.CLINICAL) {
            throw new ClinicalDestinationException(destination);
        }
        List<JobOutput> pending = outputs.pendingExport(jobId, includeRejected);
        if (pending.isEmpty()) {
            return;
        }
        Set<Path> stored;
        try {
            stored = client.store(destination, pending.stream().map(JobOutput::file).toList());
        } catch (Exception e) {
            throw new ExportFailedException("C-STORE to " + destination + " failed: " + e, e);
        }
        for (JobOutput output : pending) {
            if (stored.contains(output.file())) {
                outputs.markExported(output.sopInstanceUid(), destination.name());
            }
        }
        if (stored.size() < pending.size()) {
            throw new ExportFailedException(destination + " accepted " + stored.size() + " of " + pending.size()
                    + " synthetic objects", null);
        }
        LOG.infof("Job %s: %d synthetic objects stored at %s", jobId, pending.size(), destination);
    }
}
