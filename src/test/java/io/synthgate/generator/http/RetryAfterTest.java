package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        assertEquals(Optional.of(Duration.ofMillis(250)), wait(Map.of("retry-after-ms", "250", "retry-after", "9")));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), wait(Map.of("retry-after", "20")));
        assertEquals(Optional.of(Duration.ofSeconds(90)), wait(Map.of("retry-after", "Sat, 28 Nov 2026 12:01:30 GMT")));
        assertEquals(Optional.of(Duration.ZERO), wait(Map.of("retry-after", "Sat, 28 Nov 2026 11:00:00 GMT")));
    }

    @Test
    void openAiResetHeadersUseGoDurationsAndTheLongerOneCounts() {
        assertEquals(Optional.of(Duration.ofSeconds(360)),
                wait(Map.of("x-ratelimit-reset-requests", "6m0s", "x-ratelimit-reset-tokens", "20ms")));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.goDuration("1.5s"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), RetryAfter.goDuration("1h30m"));
    }

    @Test
    void garbageMeansNoAdvice() {
        assertEquals(Optional.empty(), wait(Map.of("retry-after", "soon")));
        assertEquals(Optional.empty(), wait(Map.of("x-ratelimit-reset-requests", "6 minutes")));
        assertEquals(Optional.empty(), wait(Map.of()));
    }

    private static Optional<Duration> wait(Map<String, String> headers) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return RetryAfter.from(HttpHeaders.of(values, (name, value) -> true), CLOCK);
    }
}
