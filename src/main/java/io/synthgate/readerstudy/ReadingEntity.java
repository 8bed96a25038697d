package io.synthgate.readerstudy;

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

/** Row of table {@code reading}: one reader's answer on one item, given once. */
@Entity
@Table(name = "reading")
public class ReadingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_id", nullable = false)
    public UUID setId;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public String reader;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin answer;

    @Column(nullable = false)
    public int confidence;

    @Column(nullable = false)
    public int plausibility;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
