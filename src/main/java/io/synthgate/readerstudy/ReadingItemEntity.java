package io.synthgate.readerstudy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Row of table {@code reading_item}: one image of a reading set. Its id is random, so the URL of its
 * reading copy says nothing of its origin; {@code windowPath} is the file whose window preset it is
 * shown in (the original's, for a candidate and its original alike).
 */
@Entity
@Table(name = "reading_item")
public class ReadingItemEntity {

    @Id
    public UUID id;

    @Column(name = "set_id", nullable = false)
    public UUID setId;

    /** Its position in the set as built, from 1: how the results and the CSV name it. */
    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin truth;

    @Column(name = "sop_instance_uid", nullable = false)
    public String sopInstanceUid;

    @Column(name = "spool_path", nullable = false)
    public String spoolPath;

    @Column(name = "window_path", nullable = false)
    public String windowPath;

    @Column(name = "body_part")
    public String bodyPart;

    @Column(nullable = false)
    public String operation;
}
