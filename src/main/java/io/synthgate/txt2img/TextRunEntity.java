package io.synthgate.txt2img;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code txt2img_run}: one text-to-image run as it was asked for. */
@Entity
@Table(name = "txt2img_run")
public class TextRunEntity {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String generator;

    @Column(name = "prompt_template", nullable = false)
    public String promptTemplate;

    @Column(name = "negative_prompt")
    public String negativePrompt;

    @Column(name = "candidates_per_prompt", nullable = false)
    public int candidatesPerPrompt;

    @Column(name = "seed_policy")
    public String seedPolicy;

    /** WIDTHxHEIGHT, or null for the generator's configured size. */
    @Column(name = "canvas_size")
    public String canvasSize;

    /** Who started it; null for runs started before SynthGate recorded it. */
    @Column(name = "started_by")
    public String startedBy;
}
