package io.synthgate.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.synthgate.dicom.DimseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DICOM listener's meters: associations accepted and rejected by reason, how served ones ended,
 * those open now, objects and bytes received, and C-STORE requests refused by status
 * ({@code synthgate_dicom_*} in {@code /q/metrics}).
 */
@ApplicationScoped
public class DicomMetrics {

    /** Why an association was not served; the {@code reason} tag of {@code synthgate_dicom_associations_total}. */
    public enum Rejection {
        HOST("host"),
        CALLED_AE_TITLE("called-ae-title"),
        CALLING_AE_TITLE("calling-ae-title"),
        BUSY("busy"),
        REQUEST_TIMEOUT("request-timeout"),
        PROTOCOL_ERROR("protocol-error"),
        TLS("tls");

        private final String tag;

        Rejection(String tag) {
            this.tag = tag;
        }
    }

    /** How a served association ended; the {@code how} tag of {@code synthgate_dicom_associations_ended_total}. */
    public enum Ending {
        RELEASED("released"),
        PEER_ABORTED("peer-aborted"),
        PEER_CLOSED("peer-closed"),
        IDLE("idle"),
        PROTOCOL_ERROR("protocol-error"),
        FAILED("failed");

        private final String tag;

        Ending(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter accepted;
    private final Counter objects;
    private final Counter bytes;

    public DicomMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = associations("accepted", "none");
        this.objects = Counter.builder("synthgate.dicom.objects.received")
                .description("Objects stored and acknowledged with success").register(registry);
        this.bytes = Counter.builder("synthgate.dicom.received").baseUnit("bytes")
                .description("Bytes of the objects stored and acknowledged with success").register(registry);
        Gauge.builder("synthgate.dicom.associations.open", open, AtomicInteger::get)
                .description("Associations being served now").register(registry);
    }

    /** Associations being served now. */
    public int openAssociations() {
        return open.get();
    }

    void opened() {
        accepted.increment();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void rejected(Rejection reason) {
        associations("rejected", reason.tag).increment();
    }

    void ended(Ending how) {
        Counter.builder("synthgate.dicom.associations.ended").tag("how", how.tag)
                .description("Served associations by how they ended").register(registry).increment();
    }

    void stored(long size) {
        objects.increment();
        bytes.increment(size);
    }

    void refused(DimseStatus status) {
        Counter.builder("synthgate.dicom.store.failures").tag("status", status.hex())
                .description("C-STORE requests answered with a failure status").register(registry).increment();
    }

    private Counter associations(String outcome, String reason) {
        return Counter.builder("synthgate.dicom.associations").tag("outcome", outcome).tag("reason", reason)
                .description("Association requests, accepted or rejected with the reason").register(registry);
    }
}
