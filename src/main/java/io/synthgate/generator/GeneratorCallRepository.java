package io.synthgate.generator;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Finders for the generator call audit. */
@ApplicationScoped
public class GeneratorCallRepository implements PanacheRepository<GeneratorCallEntity> {

    public List<GeneratorCallEntity> latest(int limit) {
        return findAll(Sort.descending("calledAt", "id")).page(Page.ofSize(limit)).list();
    }

    public List<GeneratorCallEntity> latestForReference(String reference, int limit) {
        return find("reference", Sort.descending("calledAt", "id"), reference).page(Page.ofSize(limit)).list();
    }
}
