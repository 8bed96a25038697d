package io.synthgate.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code job}; only {@link JobService} changes it, and {@link JobClaims} its claim. */
@Entity
@Table(name = "job")
public class JobEntity {

    @Id
    public UUID id;

    @Column(name = "study_instance_uid", nullable = false)
    public String studyInstanceUid;

    /** The experiment the job runs; null until the routing rules choose one. */
    public String experiment;

    /**
     * The job whose instances this one processes: a job the routing rules opened beside the study's
     * first, for a further experiment. Null for a job that collected its own instances.
     */
    @Column(name = "instances_of")
    public UUID instancesOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobOrigin origin = JobOrigin.STUDY;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_instance_at", nullable = false)
    public Instant lastInstanceAt;

    @Column(name = "instance_count", nullable = false)
    public int instanceCount;

    /** When retention removed the job's files; null while they are kept. */
    @Column(name = "files_removed_at")
    public Instant filesRemovedAt;

    /**
     * The replica running the job, while one does. Written only by {@link JobClaims} and
     * {@link JobRepository#clearClaim}, in statements of their own, so a state change never writes back a
     * claim it read earlier.
     */
    @Column(insertable = false, updatable = false)
    public String owner;

    /** Until when the owner's claim holds unless its heartbeat renews it; written only by {@link JobClaims}. */
    @Column(name = "lease_until", insertable = false, updatable = false)
    public Instant leaseUntil;

    @Version
    public long version;
}
