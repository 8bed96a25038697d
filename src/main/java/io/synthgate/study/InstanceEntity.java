package io.synthgate.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code instance}: one acknowledged object and where it lies in the spool. */
@Entity
@Table(name = "instance")
public class InstanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_id", nullable = false)
    public long studyId;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "sop_instance_uid", nullable = false, unique = true)
    public String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false)
    public String sopClassUid;

    @Column(name = "series_instance_uid")
    public String seriesInstanceUid;

    @Column(name = "transfer_syntax_uid", nullable = false)
    public String transferSyntaxUid;

    public String modality;

    @Column(name = "calling_ae", nullable = false)
    public String callingAe;

    @Column(name = "spool_path", nullable = false)
    public String spoolPath;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
