package io.synthgate.deid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of table {@code reidentification}: which patient a pseudonym stands for. It stays in the
 * gateway's database and is never exported or served by the API.
 */
@Entity
@Table(name = "reidentification")
public class ReidentificationEntity {

    @Id
    public String pseudonym;

    @Column(name = "issuer_of_patient_id")
    public String issuerOfPatientId;

    @Column(name = "patient_id")
    public String patientId;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "date_shift_days", nullable = false)
    public int dateShiftDays;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Override
    public String toString() {
        return "ReidentificationEntity[" + pseudonym + "]";
    }
}
