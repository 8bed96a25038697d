package io.synthgate.deid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of table {@code deid_secret}: the generated pseudonym key, when none is configured. */
@Entity
@Table(name = "deid_secret")
public class DeidSecretEntity {

    static final int ONLY_ROW = 1;

    @Id
    public int id;

    @Column(nullable = false)
    public String secret;

    @Override
    public String toString() {
        return "DeidSecretEntity[id=" + id + "]";
    }
}
