package io.synthgate.deid;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The re-identification table. */
@ApplicationScoped
public class ReidentificationRepository implements PanacheRepositoryBase<ReidentificationEntity, String> {
}
