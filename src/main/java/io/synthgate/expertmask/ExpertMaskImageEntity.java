package io.synthgate.expertmask;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of table {@code expert_mask_image}: an image of a job that waits for a researcher's mask, with
 * its de-identified copy, which the pages show.
 */
@Entity
@Table(name = "expert_mask_image")
public class ExpertMaskImageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    /** Its number among the job's images, from 1, as the pages and the API name it. */
    @Column(name = "image_number", nullable = false)
    public int imageNumber;

    /** The clinical SOP Instance UID: the pipeline's key, never shown. */
    @Column(name = "original_sop_instance_uid", nullable = false)
    public String originalSopInstanceUid;

    /** The de-identified copy's SOP Instance UID. */
    @Column(name = "sop_instance_uid", nullable = false)
    public String sopInstanceUid;

    /** The de-identified copy in the spool. */
    @Column(nullable = false)
    public String file;

    @Column(name = "image_columns", nullable = false)
    public int columns;

    @Column(name = "image_rows", nullable = false)
    public int rows;

    @Column(nullable = false)
    public int frames;

    @Column(name = "body_part")
    public String bodyPart;

    /** Why its pixels may show burned-in text, when something suggests it. */
    @Column(name = "burned_in_text_risk")
    public String burnedInTextRisk;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
