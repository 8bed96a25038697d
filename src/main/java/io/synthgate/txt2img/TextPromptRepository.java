package io.synthgate.txt2img;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for the prompts of text-to-image runs. */
@ApplicationScoped
public class TextPromptRepository implements PanacheRepositoryBase<TextPromptEntity, UUID> {

    public List<TextPromptEntity> listForRun(UUID runId) {
        return list("runId", Sort.by("position"), runId);
    }
}
