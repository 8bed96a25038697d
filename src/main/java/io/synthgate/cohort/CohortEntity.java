package io.synthgate.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code cohort}: one pull from a source, as asked and as it stands. */
@Entity
@Table(name = "cohort")
public class CohortEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    /** The query as asked, as JSON: the keys and the accession numbers. */
    @Column(nullable = false)
    public String query;

    /** The experiments its studies go through, comma-separated; none: the routing rules decide. */
    public String experiments;

    @Column(name = "study_limit", nullable = false)
    public int studyLimit;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CohortState state;

    public String reason;

    /** How many studies the query matched, before the limit. */
    @Column(nullable = false)
    public int matched;

    /** The replica working on it while it runs. */
    public String owner;

    /** Until when the owner holds it unless its heartbeat renews the lease; then another replica may take it over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** Who asked it to stop, while {@link #cancelRequested}. */
    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
