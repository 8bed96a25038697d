package io.synthgate.masking;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.job.JobService;
import io.synthgate.mask.DrawnRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code drawnRegionsStep}: before de-identification removes them, collects the regions
 * drawn in the study's stored sources (each image's overlay planes, and every segmentation's
 * segments on the images it references) into exchange property {@link Pipeline#DRAWN_REGIONS}, for
 * mask specs {@code overlay} and {@code segment}. Segmentations are regions, not images to
 * regenerate: they leave the list, and the job's history says what each gave. When the experiment
 * has one mask for every image and it names drawn regions, images it cannot be drawn on (a CT slice
 * no segment covers, an image without that ROI overlay) leave the list too, noted with the first
 * reason, so a segmentation of some slices regenerates those slices.
 */
@ApplicationScoped
@Named("drawnRegionsStep")
public class DrawnRegionsStep {

    private final JobService jobs;

    public DrawnRegionsStep(JobService jobs) {
        this.jobs = jobs;
    }

    public List<SourceInstance> collect(List<SourceInstance> instances,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            Exchange exchange) throws UnsupportedSourceException, IOException {
        DrawnRegions.Builder regions = DrawnRegions.builder();
        List<SourceInstance> images = new ArrayList<>();
        Map<SourceInstance, int[]> sizes = new HashMap<>();
        for (SourceInstance instance : instances) {
            String name = instance.sopInstanceUid().value();
            try {
                if (Segmentations.isSegmentation(instance.sopClassUid())) {
                    jobs.note(jobId, segmentation(instance, name, regions));
                    continue;
                }
                AttributeList header = new AttributeList();
                header.read(instance.file().toFile(), TagFromName.PixelData);
                int columns = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0);
                int rows = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0);
                regions.overlays(instance.sopInstanceUid(), OverlayPlanes.read(header, columns, rows));
                sizes.put(instance, new int[] {columns, rows});
                images.add(instance);
            } catch (DicomException | RuntimeException e) {
                throw new UnsupportedSourceException("SOP Instance " + name + ": its drawn regions cannot be read: "
                        + e.getMessage(), e);
            }
        }
        DrawnRegions drawn = regions.build();
        exchange.setProperty(Pipeline.DRAWN_REGIONS, drawn);
        Optional<MaskSpec> mask = experiment.mask().single();
        return mask.isEmpty() ? images : drawable(images, mask.get(), drawn, sizes, jobId);
    }

    /**
     * Reads a segmentation's regions and says what it gave. One that cannot be read gives none and
     * fails nothing: the study's images may not need it, and a mask that does says so per image.
     */
    private static String segmentation(SourceInstance instance, String name, DrawnRegions.Builder regions)
            throws IOException {
        try {
            Segmentations.Summary read = Segmentations.read(instance.file(), name, regions);
            return "Segmentation " + name + " gives " + read.placedFrames() + " regions for masks"
                    + (read.unplacedFrames() > 0 ? "; " + read.unplacedFrames() + " of its frames name no source image"
                            + " and are not used" : "") + "; it is not itself an image to regenerate";
        } catch (DicomException | RuntimeException e) {
            return "Segmentation " + name + " cannot be read as regions (" + e.getMessage() + "); it gives none";
        }
    }

    private List<SourceInstance> drawable(List<SourceInstance> images, MaskSpec spec, DrawnRegions drawn,
            Map<SourceInstance, int[]> sizes, UUID jobId) {
        if (!spec.readsDrawnRegions()) {
            return images;
        }
        List<SourceInstance> kept = new ArrayList<>();
        String firstReason = null;
        for (SourceInstance image : images) {
            int[] size = sizes.get(image);
            try {
                spec.rasterize(size[0], size[1], drawn.of(image.sopInstanceUid()));
                kept.add(image);
            } catch (IllegalArgumentException cannotBeDrawn) {
                firstReason = firstReason == null ? image.sopInstanceUid() + ": " + cannotBeDrawn.getMessage() : firstReason;
            }
        }
        if (kept.size() < images.size()) {
            jobs.note(jobId, "Mask '" + spec.text() + "' can be drawn on " + kept.size() + " of " + images.size()
                    + " images; the others are left out (first: " + firstReason + ")");
        }
        return kept;
    }
}
