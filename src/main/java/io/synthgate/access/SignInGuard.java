package io.synthgate.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.synthgate.http.Problem;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Keeps {@code /api} and {@code /admin} shut while no one can sign in. A fresh start without users
 * would otherwise answer every caller 401 and leave the admin guessing; instead each request gets a
 * 503 problem that says what to configure, and the log says it once at start-up. The DICOM listener
 * and {@code /q/health} keep working, so the gateway can be set up and probed meanwhile.
 */
@ApplicationScoped
public class SignInGuard {

    static final String USERS_KEY = "quarkus.security.users.embedded.users.";
    static final String USERS_ENV = "QUARKUS_SECURITY_USERS_EMBEDDED_USERS_";
    static final String OIDC_KEY = "quarkus.oidc.tenant-enabled";
    static final String REASON = "No one can sign in to SynthGate yet: no user is configured. Add users with "
            + "quarkus.security.users.embedded.users.<name>=<hash> and quarkus.security.users.embedded.roles.<name>="
            + "admin|reviewer|researcher (README, \"Sign-in and roles\"), or enable single sign-on (quarkus.oidc.*), "
            + "then restart.";

    private static final Logger LOG = Logger.getLogger(SignInGuard.class);

    private final boolean shut;

    public SignInGuard(Config config) {
        this.shut = !hasUsers(config) && !config.getOptionalValue(OIDC_KEY, Boolean.class).orElse(false);
    }

    void logOnStart(@Observes StartupEvent start) {
        if (shut) {
            LOG.error(REASON + " Until then /api and /admin answer 503.");
        }
    }

    /** Runs before authentication, so a caller learns why rather than getting a bare 401. */
    void shutWhileNoOneCanSignIn(@Observes Filters filters) {
        if (!shut) {
            return;
        }
        filters.register(request -> {
            String path = request.normalizedPath();
            if (path.startsWith("/api") || path.startsWith("/admin")) {
                request.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(new JsonObject().put("type", "about:blank").put("title", "Service Unavailable")
                                .put("status", 503).put("detail", REASON).encode());
            } else {
                request.next();
            }
        }, Integer.MAX_VALUE);
    }

    /** True when some embedded user is configured, from a property file, a system property or the environment. */
    static boolean hasUsers(Config config) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .anyMatch(name -> name.startsWith(USERS_KEY) || name.toUpperCase(Locale.ROOT).startsWith(USERS_ENV));
    }
}
