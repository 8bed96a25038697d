package io.synthgate.expertmask;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of table {@code expert_mask}: one version of one image's expert mask. Never changed once written. */
@Entity
@Table(name = "expert_mask")
public class ExpertMaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "image_id", nullable = false)
    public Long imageId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MaskOrigin origin;

    /** What it is, in words: "drawn: 2 shapes", "segment 1 (Liver) of uploaded liver.dcm". */
    @Column(nullable = false)
    public String description;

    /** The shapes in the mask language, for a drawn mask; the editor opens the next version with them. */
    public String shapes;

    @Column(name = "region_left", nullable = false)
    public int left;

    @Column(name = "region_top", nullable = false)
    public int top;

    @Column(name = "region_width", nullable = false)
    public int width;

    @Column(name = "region_height", nullable = false)
    public int height;

    /** The box's pixels, row by row, as {@link RegionCodec} writes them. */
    @Column(name = "region_bits", nullable = false)
    public String bits;

    @Column(nullable = false)
    public int area;

    @Column(name = "drawn_by", nullable = false)
    public String drawnBy;

    @Column(name = "drawn_at", nullable = false)
    public Instant drawnAt;
}
