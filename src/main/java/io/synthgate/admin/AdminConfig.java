package io.synthgate.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code synthgate.admin.*}: how the operating views count and refresh. */
@ConfigMapping(prefix = "synthgate.admin")
public interface AdminConfig {

    /**
     * How often the gauges read from the database (jobs by state, review queue, budgets) are counted
     * again; the dashboard and {@code /q/metrics} show the last count. Default {@code 10s}.
     */
    @WithDefault("10s")
    Duration gaugeInterval();
}
