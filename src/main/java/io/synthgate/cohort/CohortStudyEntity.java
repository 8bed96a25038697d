package io.synthgate.cohort;

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

/** Row of table {@code cohort_study}: one matched study of a cohort and how its retrieve ended. */
@Entity
@Table(name = "cohort_study")
public class CohortStudyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(name = "study_instance_uid", nullable = false)
    public String studyInstanceUid;

    @Column(name = "accession_number")
    public String accessionNumber;

    @Column(name = "study_date")
    public String studyDate;

    public String modalities;

    /** Number of Study Related Instances, as the PACS announced it. */
    @Column(name = "expected_instances")
    public Integer expectedInstances;

    /** SOP Classes in Study as the PACS announced them, comma-separated. */
    @Column(name = "sop_classes")
    public String sopClasses;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CohortStudyState state;

    /** The retrieve's final status, {@code 0x0000}; {@code none} when there was no final response. */
    public String status;

    @Column(nullable = false)
    public int completed;

    @Column(nullable = false)
    public int failed;

    /** The failed SOP Instance UIDs the PACS listed, comma-separated (the first hundred). */
    @Column(name = "failed_sop_instances")
    public String failedSopInstances;

    public String reason;

    /** The jobs the retrieved study went into, comma-separated. */
    @Column(name = "job_ids")
    public String jobIds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
