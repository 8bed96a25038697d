package io.synthgate.txt2img;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for text-to-image runs. */
@ApplicationScoped
public class TextRunRepository implements PanacheRepositoryBase<TextRunEntity, UUID> {

    public List<TextRunEntity> listNewestFirst(int limit) {
        return findAll(Sort.descending("createdAt")).page(Page.ofSize(limit)).list();
    }
}
