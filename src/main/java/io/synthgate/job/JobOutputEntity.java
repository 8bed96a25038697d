package io.synthgate.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code job_output}: one synthetic object a job produced. */
@Entity
@Table(name = "job_output")
public class JobOutputEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    /** The source's original SOP Instance UID; null for a text-to-image candidate. */
    @Column(name = "source_sop_instance_uid")
    public String sourceSopInstanceUid;

    @Column(name = "candidate_index")
    public Integer candidateIndex;

    public Long seed;

    @Column(name = "sop_instance_uid", nullable = false)
    public String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false)
    public String sopClassUid;

    @Column(name = "spool_path", nullable = false)
    public String spoolPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutputState state;

    public String destination;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "exported_at")
    public Instant exportedAt;

    @Column(name = "readers_required")
    public Integer readersRequired;

    @Column(name = "mask_spec")
    public String maskSpec;

    @Column(name = "psnr_db")
    public Double psnrDb;

    public Double ssim;

    @Column(name = "mean_absolute_error")
    public Double meanAbsoluteError;

    @Column(name = "max_abs_difference_outside_mask")
    public Integer maxAbsDifferenceOutsideMask;
}
