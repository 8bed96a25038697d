package io.synthgate.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of table {@code study}. */
@Entity
@Table(name = "study")
public class StudyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_instance_uid", nullable = false, unique = true)
    public String studyInstanceUid;

    @Column(name = "first_received_at", nullable = false)
    public Instant firstReceivedAt;

    @Column(name = "last_received_at", nullable = false)
    public Instant lastReceivedAt;

    @Column(name = "instance_count", nullable = false)
    public int instanceCount;
}
