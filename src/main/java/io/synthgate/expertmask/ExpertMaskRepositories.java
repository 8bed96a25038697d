package io.synthgate.expertmask;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders for the images that wait for expert masks and their versions. */
final class ExpertMaskRepositories {

    private ExpertMaskRepositories() {
    }

    @ApplicationScoped
    static class Images implements PanacheRepository<ExpertMaskImageEntity> {

        List<ExpertMaskImageEntity> ofJob(UUID jobId) {
            return list("jobId", Sort.by("imageNumber"), jobId);
        }

        Optional<ExpertMaskImageEntity> find(UUID jobId, int number) {
            return find("jobId = ?1 and imageNumber = ?2", jobId, number).firstResultOptional();
        }
    }

    @ApplicationScoped
    static class Versions implements PanacheRepository<ExpertMaskEntity> {

        List<ExpertMaskEntity> ofImage(long imageId) {
            return list("imageId", Sort.descending("version"), imageId);
        }

        Optional<ExpertMaskEntity> latest(long imageId) {
            return find("imageId", Sort.descending("version"), imageId).firstResultOptional();
        }

        Optional<ExpertMaskEntity> find(long imageId, int version) {
            return find("imageId = ?1 and version = ?2", imageId, version).firstResultOptional();
        }
    }
}
