package io.synthgate.txt2img;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of table {@code txt2img_prompt}: one body part of a run, the job that makes its candidates, and the generator's outcome. */
@Entity
@Table(name = "txt2img_prompt")
public class TextPromptEntity {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(nullable = false)
    public int position;

    @Column(name = "body_part", nullable = false)
    public String bodyPart;

    @Column(nullable = false)
    public String prompt;

    public String outcome;

    @Column(name = "outcome_detail")
    public String outcomeDetail;
}
