package io.synthgate.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Says at start-up when the pages' session key is not configured. Quarkus then makes a key of its own
 * for the process and logs it, and with it anyone who reads the log could forge a signed-in session
 * cookie; that line is silenced (application.properties), and this one says what the missing key
 * means and what to set instead.
 */
@ApplicationScoped
public class SessionKeyCheck {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String WARNING = "The pages' session key is not set (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, 32 "
            + "characters or more): this start made one of its own, so sign-ins on the pages end when the gateway "
            + "restarts and do not carry from one replica to another";

    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);

    private final boolean keySet;

    public SessionKeyCheck(Config config) {
        this.keySet = config.getOptionalValue(KEY, String.class).isPresent();
    }

    void warnOnStart(@Observes StartupEvent start) {
        if (!keySet) {
            LOG.warn(WARNING);
        }
    }
}
