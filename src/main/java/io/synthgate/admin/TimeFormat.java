package io.synthgate.admin;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write a moment: to the second, in the gateway's time zone ({@code {job.createdAt.when}}). */
@TemplateExtension
final class TimeFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private TimeFormat() {
    }

    static String when(Instant instant) {
        return instant == null ? "-" : WHEN.format(instant);
    }
}
