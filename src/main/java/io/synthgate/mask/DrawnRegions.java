package io.synthgate.mask;

import io.synthgate.dicom.SopInstanceUid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The regions drawn in a study's sources, by the source image they lie on (its clinical SOP Instance
 * UID, which the pipeline keeps as the de-identified copy's {@code original}): the overlay planes of
 * each image, and the segments of every segmentation (SEG) in the study. Collected before
 * de-identification, which removes overlays; only their geometry is kept.
 */
public final class DrawnRegions {

    /** A study in which nothing was drawn. */
    public static final DrawnRegions NONE = new DrawnRegions(Map.of());

    /**
     * One overlay plane of an image.
     *
     * @param group its group, 0x6000 to 0x601E
     * @param type Overlay Type: {@code R} (ROI) or {@code G} (graphics)
     * @param region the plane's set pixels; empty when its data lie in Pixel Data's unused bits
     */
    public record OverlayPlane(int group, String type, Optional<DrawnRegion> region) {
    }

    /**
     * One segment of a segmentation on one image.
     *
     * @param number Segment Number
     * @param label Segment Label
     * @param region what it covers on the image
     */
    public record Segment(int number, String label, DrawnRegion region) {
    }

    private record OnImage(List<OverlayPlane> overlays, List<Segment> segments, Optional<DrawnRegion> expert) {

        static final OnImage NOTHING = new OnImage(List.of(), List.of(), Optional.empty());
    }

    private final Map<String, OnImage> byImage;

    private DrawnRegions(Map<String, OnImage> byImage) {
        this.byImage = Map.copyOf(byImage);
    }

    /** Gathers a study's regions image by image. */
    public static final class Builder {

        private final Map<String, List<OverlayPlane>> overlays = new HashMap<>();
        private final Map<String, List<Segment>> segments = new HashMap<>();

        public Builder overlays(SopInstanceUid image, List<OverlayPlane> planes) {
            if (!planes.isEmpty()) {
                overlays.computeIfAbsent(image.value(), key -> new ArrayList<>()).addAll(planes);
            }
            return this;
        }

        /** Adds a segment's region on an image, joined with what the same segment already covers there. */
        public Builder segment(SopInstanceUid image, Segment segment) {
            List<Segment> onImage = segments.computeIfAbsent(image.value(), key -> new ArrayList<>());
            for (int i = 0; i < onImage.size(); i++) {
                Segment known = onImage.get(i);
                if (known.number() == segment.number() && known.label().equals(segment.label())) {
                    onImage.set(i, new Segment(known.number(), known.label(), known.region().union(segment.region())));
                    return this;
                }
            }
            onImage.add(segment);
            return this;
        }

        public DrawnRegions build() {
            Map<String, OnImage> byImage = new HashMap<>();
            for (String image : union(overlays.keySet(), segments.keySet())) {
                byImage.put(image, new OnImage(List.copyOf(overlays.getOrDefault(image, List.of())),
                        List.copyOf(segments.getOrDefault(image, List.of())), Optional.empty()));
            }
            return byImage.isEmpty() ? NONE : new DrawnRegions(byImage);
        }

        private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
            List<String> all = new ArrayList<>(a);
            b.stream().filter(key -> !a.contains(key)).forEach(all::add);
            return all;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * These regions and the masks researchers drew for mask {@code expert}, by the clinical SOP Instance
     * UID of the image each was drawn on.
     */
    public DrawnRegions withExpertMasks(Map<SopInstanceUid, DrawnRegion> masks) {
        Map<String, OnImage> merged = new HashMap<>(byImage);
        masks.forEach((image, mask) -> merged.merge(image.value(),
                new OnImage(List.of(), List.of(), Optional.of(mask)),
                (known, expert) -> new OnImage(known.overlays(), known.segments(), expert.expert())));
        return new DrawnRegions(merged);
    }

    /** Number of images something was drawn on. */
    public int images() {
        return byImage.size();
    }

    /** Whether anything was drawn on the image whose SOP Instance UID is {@code image}. */
    public boolean covers(SopInstanceUid image) {
        return byImage.containsKey(image.value());
    }

    /** What was drawn on the image whose clinical SOP Instance UID is {@code image}. */
    public ImageRegions of(SopInstanceUid image) {
        OnImage drawn = byImage.getOrDefault(image.value(), OnImage.NOTHING);
        return new ImageRegions() {
            @Override
            public DrawnRegion overlay(int group) {
                OverlayPlane plane = drawn.overlays().stream().filter(p -> p.group() == group).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Mask 'overlay " + hex(group) + "': the image has "
                                + (drawn.overlays().isEmpty() ? "no overlay" : "only overlay " + drawn.overlays().stream()
                                        .map(p -> hex(p.group())).collect(Collectors.joining(", ")))));
                if (!"R".equals(plane.type())) {
                    throw new IllegalArgumentException("Mask 'overlay " + hex(group) + "': it is a graphics overlay (type "
                            + plane.type() + "), which may draw text such as names; only ROI overlays (type R) make masks");
                }
                return plane.region().orElseThrow(() -> new IllegalArgumentException("Mask 'overlay " + hex(group)
                        + "': its data lie in unused bits of Pixel Data, which SynthGate does not read as a mask"));
            }

            @Override
            public DrawnRegion segment(String numberOrLabel) {
                String wanted = numberOrLabel.strip();
                return drawn.segments().stream()
                        .filter(s -> Integer.toString(s.number()).equals(wanted)
                                || s.label().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                        .map(Segment::region).reduce(DrawnRegion::union)
                        .orElseThrow(() -> new IllegalArgumentException("Mask 'segment " + wanted + "': no segmentation in"
                                + " the study covers this image with that segment" + (drawn.segments().isEmpty() ? ""
                                        : "; it has " + drawn.segments().stream().map(s -> s.number() + " (" + s.label()
                                                + ")").distinct().collect(Collectors.joining(", ")))));
            }

            @Override
            public DrawnRegion expert() {
                return drawn.expert().orElseThrow(() -> new IllegalArgumentException("Mask 'expert': no researcher has"
                        + " drawn a mask for this image"));
            }
        };
    }

    private static String hex(int group) {
        return Integer.toHexString(group).toUpperCase(Locale.ROOT);
    }
}
