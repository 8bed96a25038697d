package io.synthgate.admin;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code synthgate.admin.*}: how the operating views count and refresh. */
@ConfigMapping(prefix = "synthgate.admin")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface AdminConfig {

    /**
     * How often the gauges read from the database (jobs by state, review queue, budgets) are counted
     * again; the dashboard and {@code /q/metrics} show the last count. Default {@code 10s}.
     */
    @WithDefault("10s")
    Duration gaugeInterval();

    /**
     * The research PACS viewer's page for a study, with {@code {studyInstanceUid}} where the synthetic
     * study's UID goes, e.g. Orthanc's Stone viewer
     * {@code http://pacs.example.org:8042/stone-webviewer/index.html?study={studyInstanceUid}} or
     * Orthanc Explorer 2 {@code http://pacs:8042/ui/app/#/filtered-studies?StudyInstanceUID={studyInstanceUid}}.
     * Without it the pages show no viewer links.
     */
    Optional<String> viewerUrl();

    /**
     * How long before a TLS certificate SynthGate uses expires the log starts warning, once at start-up
     * and twice a day ({@code synthgate_tls_certificate_expiry_seconds} has the time left). Default
     * {@code 30d}.
     */
    @WithDefault("30d")
    Duration certificateExpiryWarning();
}
