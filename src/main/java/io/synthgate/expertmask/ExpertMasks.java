package io.synthgate.expertmask;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.ImageRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.masking.UploadedRegions;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The expert masks of jobs: which images wait for one, every version drawn or uploaded (only while
 * the job waits), and the hand-over back to the pipeline once every image has one. The only writer
 * of tables {@code expert_mask_image} and {@code expert_mask}.
 */
@ApplicationScoped
@Transactional
public class ExpertMasks {

    /** The most characters of shapes one version may hold. */
    static final int SHAPES_LIMIT = 200_000;

    private final ExpertMaskRepositories.Images images;
    private final ExpertMaskRepositories.Versions versions;
    private final JobService jobs;
    private final Spool spool;
    private final Clock clock;

    public ExpertMasks(ExpertMaskRepositories.Images images, ExpertMaskRepositories.Versions versions, JobService jobs,
            Spool spool, Clock clock) {
        this.images = images;
        this.versions = versions;
        this.jobs = jobs;
        this.spool = spool;
        this.clock = clock;
    }

    /** One version of an image's mask as the pipeline uses it. */
    record ExpertMask(int image, MaskVersionView version, DrawnRegion region) {
    }

    /** Records the images the job waits on that it did not wait on before, numbered after those. */
    void register(UUID jobId, List<ImageToDraw> toDraw) {
        List<ExpertMaskImageEntity> known = images.ofJob(jobId);
        int next = known.stream().mapToInt(row -> row.imageNumber).max().orElse(0) + 1;
        for (ImageToDraw image : toDraw) {
            if (known.stream().anyMatch(row -> row.originalSopInstanceUid.equals(image.original().value()))) {
                continue;
            }
            ExpertMaskImageEntity row = new ExpertMaskImageEntity();
            row.jobId = jobId;
            row.imageNumber = next++;
            row.originalSopInstanceUid = image.original().value();
            row.sopInstanceUid = image.sopInstanceUid();
            row.file = image.file().toString();
            row.columns = image.columns();
            row.rows = image.rows();
            row.frames = image.frames();
            row.bodyPart = image.bodyPart().orElse(null);
            row.burnedInTextRisk = image.burnedInTextRisk().orElse(null);
            row.requestedAt = clock.instant();
            images.persist(row);
        }
    }

    /** The latest mask of each of the job's images that has one, by the image's clinical SOP Instance UID. */
    Map<SopInstanceUid, ExpertMask> latestByOriginal(UUID jobId) {
        Map<SopInstanceUid, ExpertMask> latest = new LinkedHashMap<>();
        latestVersions(jobId).forEach((image, version) -> latest.put(new SopInstanceUid(image.originalSopInstanceUid),
                new ExpertMask(image.imageNumber, MaskVersionView.of(version), region(image, version))));
        return latest;
    }

    /**
     * The latest mask of each of the job's images that has one, in words, by the image's clinical SOP
     * Instance UID: "version 2 of image 1: drawn: 2 shapes, 5120 pixels, by alice at ...". Its pixels
     * are not read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<SopInstanceUid, String> describe(UUID jobId) {
        Map<SopInstanceUid, String> described = new LinkedHashMap<>();
        latestVersions(jobId).forEach((image, version) -> described.put(new SopInstanceUid(
                image.originalSopInstanceUid), "version " + version.version + " of image " + image.imageNumber + ": "
                + version.description + ", " + version.area + " pixels, by " + version.drawnBy + " at "
                + version.drawnAt));
        return described;
    }

    /** Each of the job's images that has a mask, in order, with its latest version. */
    private Map<ExpertMaskImageEntity, ExpertMaskEntity> latestVersions(UUID jobId) {
        Map<ExpertMaskImageEntity, ExpertMaskEntity> latest = new LinkedHashMap<>();
        for (ExpertMaskImageEntity image : images.ofJob(jobId)) {
            versions.latest(image.id).ifPresent(version -> latest.put(image, version));
        }
        return latest;
    }

    /** The job's images with their masks; empty when the job never waited for one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JobMasks> ofJob(UUID jobId) {
        Optional<JobView> job = jobs.find(jobId);
        List<ExpertMaskImageEntity> rows = images.ofJob(jobId);
        if (job.isEmpty() || rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobMasks(jobId, job.get().state(), rows.stream().map(this::view).toList()));
    }

    /** Image {@code number} of the job with its mask's versions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MaskImageView> image(UUID jobId, int number) {
        return images.find(jobId, number).map(this::view);
    }

    /** The de-identified copy of image {@code number}, which the pages render; empty once retention removed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Path> file(UUID jobId, int number) {
        return images.find(jobId, number).map(row -> Path.of(row.file)).filter(Files::isRegularFile);
    }

    /** The pixels of version {@code version} of image {@code number}'s mask. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DrawnRegion> region(UUID jobId, int number, int version) {
        return images.find(jobId, number)
                .flatMap(image -> versions.find(image.id, version).map(row -> region(image, row)));
    }

    /**
     * A new version of image {@code number}'s mask, drawn as {@code shapes} in the mask language
     * (rectangle, ellipse, polygon, stroke; several joined by {@code ;}), in the image's pixels.
     */
    public MaskVersionView draw(UUID jobId, int number, String shapes, String user) {
        ExpertMaskImageEntity image = open(jobId, number);
        if (shapes == null || shapes.isBlank()) {
            throw new InvalidRequestException("A drawn mask needs shapes, e.g. \"rectangle 120 80 60 40; ellipse 300"
                    + " 200 40 30\"");
        }
        if (shapes.length() > SHAPES_LIMIT) {
            throw new InvalidRequestException("A drawn mask is limited to " + SHAPES_LIMIT + " characters of shapes, not "
                    + shapes.length());
        }
        MaskSpec spec;
        Mask mask;
        try {
            spec = MaskSpec.parse(shapes);
            if (spec.readsDrawnRegions() || spec.needsExpertMask() || !spec.growth(image.columns, image.rows).isNone()) {
                throw new IllegalArgumentException("a drawn mask is made of rectangle, ellipse, polygon and stroke"
                        + " shapes, not '" + spec.text() + "'");
            }
            mask = spec.rasterize(image.columns, image.rows);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Mask of image " + number + ": " + e.getMessage());
        }
        long count = shapes.split(";").length;
        return save(image, mask.region("drawn"), MaskOrigin.DRAWN, "drawn: " + count + (count == 1 ? " shape" : " shapes"),
                spec.text(), user);
    }

    /**
     * A new version of image {@code number}'s mask from an uploaded DICOM file: segment
     * {@code segment} (number or label; default 1) of a segmentation that references the image (its
     * de-identified copy or its source), or ROI overlay {@code overlay} (default 6000) of an image of
     * the same size.
     */
    public MaskVersionView upload(UUID jobId, int number, byte[] dicom, String fileName, Optional<String> segment,
            Optional<String> overlay, String user) throws IOException {
        ExpertMaskImageEntity image = open(jobId, number);
        String name = "uploaded " + (fileName == null || fileName.isBlank() ? "file" : fileName.strip());
        Path file = spool.newTemporaryFile();
        UploadedRegions.Uploaded uploaded;
        try {
            Files.write(file, dicom);
            uploaded = UploadedRegions.read(file, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        } finally {
            spool.discard(file);
        }
        if (uploaded.segmentation() ? overlay.isPresent() : segment.isPresent()) {
            throw new InvalidRequestException(name + " is " + (uploaded.segmentation()
                    ? "a segmentation: name a segment, not an overlay" : "an image: name an overlay, not a segment"));
        }
        ImageRegions onImage = Stream.of(image.sopInstanceUid, image.originalSopInstanceUid).map(SopInstanceUid::new)
                .filter(uploaded.regions()::covers).findFirst().map(uploaded.regions()::of)
                .orElseThrow(() -> new InvalidRequestException(name + " draws nothing on image " + number
                        + ": it references neither its SOP Instance UID " + image.sopInstanceUid + " nor its source's"));
        DrawnRegion region;
        try {
            region = uploaded.segmentation() ? onImage.segment(segment.orElse("1").strip())
                    : onImage.overlay(parseGroup(overlay.orElse("6000")));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name + ", image " + number + ": " + e.getMessage());
        }
        if (region.columns() != image.columns || region.rows() != image.rows) {
            throw new InvalidRequestException(name + " was drawn on a " + region.columns() + "x" + region.rows()
                    + " image; image " + number + " is " + image.columns + "x" + image.rows);
        }
        if (region.area() == 0) {
            throw new InvalidRequestException(region.name() + " sets no pixel of image " + number);
        }
        return save(image, region, uploaded.segmentation() ? MaskOrigin.SEGMENTATION : MaskOrigin.OVERLAY,
                region.name(), null, user);
    }

    /** Sends the job on to generation once every image has a mask; the latest version of each is used. */
    public void submit(UUID jobId, String user) {
        JobMasks masks = ofJob(jobId).orElseThrow(() -> new ConflictException("Job " + jobId
                + " does not wait for expert masks"));
        if (!masks.open()) {
            throw new ConflictException("Job " + jobId + " is " + masks.state() + ", not awaiting masks");
        }
        masks.images().stream().filter(image -> image.latest() == null).findFirst().ifPresent(image -> {
            throw new ConflictException("Image " + image.image() + " of " + masks.images().size()
                    + " has no mask yet; draw or upload one first");
        });
        jobs.transition(jobId, JobState.PROCESSING, "masks of " + masks.images().size() + " images drawn; sent on by "
                + user);
    }

    private static int parseGroup(String text) {
        try {
            return Integer.parseInt(text.strip(), 16);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("overlay must be a group such as 6000, not '" + text + "'");
        }
    }

    private ExpertMaskImageEntity open(UUID jobId, int number) {
        JobView job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("No job " + jobId));
        ExpertMaskImageEntity image = images.find(jobId, number).orElseThrow(() -> new NotFoundException(
                "Job " + jobId + " has no image " + number + " waiting for a mask"));
        if (job.state() != JobState.AWAITING_MASK) {
            throw new ConflictException("Job " + jobId + " is " + job.state() + "; masks are drawn while it awaits them");
        }
        return image;
    }

    private MaskVersionView save(ExpertMaskImageEntity image, DrawnRegion region, MaskOrigin origin, String description,
            String shapes, String user) {
        ExpertMaskEntity row = new ExpertMaskEntity();
        row.imageId = image.id;
        row.version = versions.latest(image.id).map(latest -> latest.version).orElse(0) + 1;
        row.origin = origin;
        row.description = description.length() <= 2000 ? description : description.substring(0, 2000);
        row.shapes = shapes;
        row.left = region.left();
        row.top = region.top();
        row.width = region.width();
        row.height = region.height();
        row.bits = RegionCodec.encode(region.bits());
        row.area = region.area();
        row.drawnBy = user;
        row.drawnAt = clock.instant();
        versions.persist(row);
        return MaskVersionView.of(row);
    }

    private MaskImageView view(ExpertMaskImageEntity row) {
        return new MaskImageView(row.imageNumber, row.sopInstanceUid, row.columns, row.rows, row.frames, row.bodyPart,
                row.burnedInTextRisk, versions.ofImage(row.id).stream().map(MaskVersionView::of).toList());
    }

    private static DrawnRegion region(ExpertMaskImageEntity image, ExpertMaskEntity version) {
        return new DrawnRegion("expert mask version " + version.version + " of image " + image.imageNumber,
                image.columns, image.rows, version.left, version.top, version.width, version.height,
                RegionCodec.decode(version.bits));
    }
}
