package io.synthgate.deid;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The stored pseudonym key. */
@ApplicationScoped
public class DeidSecretRepository implements PanacheRepositoryBase<DeidSecretEntity, Integer> {
}
