package io.synthgate.generator;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finders for the generator call audit. */
@ApplicationScoped
public class GeneratorCallRepository implements PanacheRepository<GeneratorCallEntity> {

    public List<GeneratorCallEntity> latest(int limit) {
        return findAll(Sort.descending("calledAt", "id")).page(Page.ofSize(limit)).list();
    }

    public List<GeneratorCallEntity> latestForReference(String reference, int limit) {
        return find("reference", Sort.descending("calledAt", "id"), reference).page(Page.ofSize(limit)).list();
    }

    public Map<String, Long> countByGeneratorSince(Instant since) {
        Map<String, Long> counts = new TreeMap<>();
        getEntityManager().createQuery("select c.generator, count(c) from GeneratorCallEntity c"
                        + " where c.calledAt >= :since group by c.generator", Object[].class)
                .setParameter("since", since).getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
