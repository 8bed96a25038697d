package io.synthgate.expertmask;

import io.synthgate.deid.DeidStep;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.DrawnRegions;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code expertMaskStep}, after {@code selectStep}: when the experiment's mask for an image
 * is {@code expert} and some such image has no mask drawn yet, de-identifies those images for the
 * pages, parks the job in AWAITING_MASK and stops the route; the job comes back through it when a
 * researcher sends it on. Otherwise adds each image's latest mask to the regions {@code maskStep}
 * reads, and notes in the job's history which versions it goes on with.
 */
@ApplicationScoped
@Named("expertMaskStep")
public class ExpertMaskStep {

    private final ExpertMasks masks;
    private final JobService jobs;
    private final DeidStep deid;

    public ExpertMaskStep(ExpertMasks masks, JobService jobs, DeidStep deid) {
        this.masks = masks;
        this.jobs = jobs;
        this.deid = deid;
    }

    public List<SourceInstance> gate(List<SourceInstance> images, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment,
            @ExchangeProperty(Pipeline.DRAWN_REGIONS) DrawnRegions drawn, Exchange exchange)
            throws IOException, UnsupportedSourceException {
        if (!experiment.mask().needsExpertMask()) {
            return images;
        }
        Map<SopInstanceUid, ExpertMasks.ExpertMask> latest = masks.latestByOriginal(jobId);
        Map<SourceInstance, ImageHeader> missing = new LinkedHashMap<>();
        Map<SopInstanceUid, DrawnRegion> found = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        int needing = 0;
        for (SourceInstance image : images) {
            ImageHeader header = ImageHeader.read(image.file(), image.sopInstanceUid().value());
            if (!needsExpertMask(experiment, header.bodyPart())) {
                continue;
            }
            needing++;
            ExpertMasks.ExpertMask mask = latest.get(image.sopInstanceUid());
            if (mask == null) {
                missing.put(image, header);
            } else {
                found.put(image.sopInstanceUid(), mask.region());
                used.add("image " + mask.image() + " version " + mask.version().version() + " ("
                        + mask.version().drawnBy() + ")");
            }
        }
        if (missing.isEmpty()) {
            if (needing > 0) {
                exchange.setProperty(Pipeline.DRAWN_REGIONS, (drawn == null ? DrawnRegions.NONE : drawn)
                        .withExpertMasks(found));
                jobs.note(jobId, "Expert masks used: " + String.join(", ", used));
            }
            return images;
        }
        List<ImageToDraw> toDraw = new ArrayList<>();
        for (Map.Entry<SourceInstance, ImageHeader> image : missing.entrySet()) {
            DeidentifiedSource copy = deid.deidentify(image.getKey(), experiment);
            ImageHeader header = image.getValue();
            toDraw.add(new ImageToDraw(image.getKey().sopInstanceUid(), copy.sopInstanceUid(), copy.file(),
                    header.columns(), header.rows(), header.frames(), header.bodyPart(), copy.burnedInTextRisk()));
        }
        masks.register(jobId, toDraw);
        jobs.transition(jobId, JobState.AWAITING_MASK, missing.size() + " of " + needing
                + " images await a mask drawn by a researcher (mask 'expert')");
        exchange.setRouteStop(true);
        return images;
    }

    /** Whether the image's mask names {@code expert}; an image without any mask fails later, in maskStep. */
    private static boolean needsExpertMask(Experiment experiment, Optional<String> bodyPart) {
        try {
            return experiment.mask().forBodyPart(bodyPart.orElse(null)).needsExpertMask();
        } catch (IllegalArgumentException noMask) {
            return false;
        }
    }
}
