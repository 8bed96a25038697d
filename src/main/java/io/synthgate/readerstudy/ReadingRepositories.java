package io.synthgate.readerstudy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for reading sets, their items and their readings. */
final class ReadingRepositories {

    private ReadingRepositories() {
    }

    @ApplicationScoped
    static class Sets implements PanacheRepositoryBase<ReadingSetEntity, UUID> {

        List<ReadingSetEntity> newestFirst() {
            return listAll(Sort.descending("createdAt"));
        }
    }

    @ApplicationScoped
    static class Items implements PanacheRepositoryBase<ReadingItemEntity, UUID> {

        List<ReadingItemEntity> ofSet(UUID setId) {
            return list("setId", Sort.by("number"), setId);
        }
    }

    @ApplicationScoped
    static class Readings implements PanacheRepository<ReadingEntity> {

        List<ReadingEntity> ofSet(UUID setId) {
            return list("setId", Sort.by("readAt").and("id"), setId);
        }

        List<ReadingEntity> ofReader(UUID setId, String reader) {
            return list("setId = ?1 and reader = ?2", setId, reader);
        }
    }
}
