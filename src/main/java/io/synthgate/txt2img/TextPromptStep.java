package io.synthgate.txt2img;

import io.synthgate.generator.TextPrompt;
import io.synthgate.job.JobTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Route step {@code textPromptStep}: turns a text-to-image job into the prompt it is to make images for. */
@ApplicationScoped
@Named("textPromptStep")
public class TextPromptStep {

    private final TextRuns runs;

    public TextPromptStep(TextRuns runs) {
        this.runs = runs;
    }

    public TextPrompt prompt(JobTicket ticket) {
        return runs.prompt(ticket.jobId());
    }
}
