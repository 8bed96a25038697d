package io.synthgate.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code review_decision}: one verdict on one candidate, the audit of quality control. */
@Entity
@Table(name = "review_decision")
public class ReviewDecisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "sop_instance_uid", nullable = false)
    public String sopInstanceUid;

    @Column(nullable = false)
    public String decision;

    public Integer grade;

    public String comment;

    @Column(nullable = false)
    public String reviewer;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
