package io.synthgate.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.dicom.TlsContexts;
import io.synthgate.export.ExportConfig;
import io.synthgate.ingest.DicomListenerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Watches the certificates of the key and trust stores DICOM TLS is configured with, so that none
 * expires unnoticed: an expired listener certificate turns every TLS sender away, an expired client
 * certificate or authority every TLS export. Each store's first expiry is a gauge
 * ({@code synthgate_tls_certificate_expiry_seconds}, negative once past) to alert on, and the log warns
 * from {@code synthgate.admin.certificate-expiry-warning} before it, at start-up and twice a day.
 */
@ApplicationScoped
public class CertificateExpiryWatch {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryWatch.class);

    /** A configured store, by the key that names it and in words. */
    private record Store(String key, String label, Path path, Optional<String> password) {
    }

    /**
     * What a configured store's certificates call for, as last read.
     *
     * @param store the key that names it, e.g. {@code synthgate.dicom.tls.key-store}
     * @param label what it holds, in words
     * @param expiry when its first certificate expires; empty when it could not be read
     * @param state {@code OK}, {@code RENEW} (within the warning time), {@code EXPIRED}, or {@code UNREADABLE}
     */
    public record StoreState(String store, String label, Path file, Optional<Instant> expiry, String state) {

        /** "expires" or "expired" and the day, in the gateway's time zone; empty when unknown. */
        public String expires() {
            return expiry.map(at -> (state.equals("EXPIRED") ? "expired " : "expires ")
                    + LocalDate.ofInstant(at, ZoneId.systemDefault())).orElse("");
        }
    }

    private final List<Store> stores = new ArrayList<>();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Duration warning;
    private final Clock clock;

    public CertificateExpiryWatch(DicomListenerConfig listener, ExportConfig export, AdminConfig admin, Clock clock,
            MeterRegistry registry) {
        this.warning = admin.certificateExpiryWarning();
        this.clock = clock;
        DicomListenerConfig.Tls in = listener.tls();
        if (in.port().isPresent()) {
            add("synthgate.dicom.tls.key-store", "listener certificate", in.keyStore(), in.keyStorePassword());
            add("synthgate.dicom.tls.trust-store", "callers' authorities", in.trustStore(), in.trustStorePassword());
        }
        ExportConfig.Tls out = export.tls();
        add("synthgate.export.tls.key-store", "client certificate", out.keyStore(), out.keyStorePassword());
        add("synthgate.export.tls.trust-store", "peers' authorities", out.trustStore(), out.trustStorePassword());
        for (Store store : stores) {
            Gauge.builder("synthgate.tls.certificate.expiry", () -> secondsLeft(store))
                    .tag("store", store.key()).baseUnit("seconds")
                    .description("Time until the first certificate of a configured TLS store expires; negative once past")
                    .register(registry);
        }
    }

    private void add(String key, String label, Optional<Path> path, Optional<String> password) {
        path.ifPresent(file -> stores.add(new Store(key, label, file, password)));
    }

    /** Reads every store again and warns of what expires within the warning time, or has. */
    @Scheduled(every = "12h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        Instant now = clock.instant();
        for (Store store : stores) {
            Optional<Instant> first;
            try {
                first = TlsContexts.firstExpiry(store.path(), store.password());
            } catch (IOException | GeneralSecurityException e) {
                expiries.remove(store.key());
                LOG.errorf("Cannot read the certificates of %s (%s): %s", store.key(), store.path(), e.getMessage());
                continue;
            }
            first.ifPresentOrElse(expiry -> expiries.put(store.key(), expiry), () -> expiries.remove(store.key()));
            first.ifPresent(expiry -> warn(store, expiry, now));
        }
    }

    private void warn(Store store, Instant expiry, Instant now) {
        Duration left = Duration.between(now, expiry);
        switch (state(expiry, now)) {
            case "EXPIRED" -> LOG.errorf("A certificate in %s (%s) expired on %s: TLS with it fails until it is renewed",
                    store.key(), store.path(), TimeFormat.when(expiry));
            case "RENEW" -> LOG.warnf("A certificate in %s (%s) expires on %s, in %s: renew it before then",
                    store.key(), store.path(), TimeFormat.when(expiry),
                    left.toDays() >= 2 ? left.toDays() + " days" : left.toHours() + " hours");
            default -> {
                // far enough ahead
            }
        }
    }

    private String state(Instant expiry, Instant now) {
        return !expiry.isAfter(now) ? "EXPIRED" : Duration.between(now, expiry).compareTo(warning) <= 0 ? "RENEW" : "OK";
    }

    /** Every configured store as last read, in the order of the keys above. */
    public List<StoreState> states() {
        Instant now = clock.instant();
        return stores.stream().map(store -> {
            Optional<Instant> expiry = Optional.ofNullable(expiries.get(store.key()));
            return new StoreState(store.key(), store.label(), store.path(), expiry,
                    expiry.map(at -> state(at, now)).orElse("UNREADABLE"));
        }).toList();
    }

    private double secondsLeft(Store store) {
        Instant expiry = expiries.get(store.key());
        return expiry == null ? Double.NaN : Duration.between(clock.instant(), expiry).toSeconds();
    }
}
