package io.synthgate.testing;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from a {@code /q/metrics} scrape (Prometheus text), as a graph would. */
public final class MetricSamples {

    private MetricSamples() {
    }

    /** The value of {@code series} (name and labels as scraped), or empty when the scrape has no such series. */
    public static OptionalDouble value(String scrape, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return sample.find() ? OptionalDouble.of(Double.parseDouble(sample.group(1))) : OptionalDouble.empty();
    }
}
