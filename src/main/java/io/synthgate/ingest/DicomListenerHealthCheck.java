package io.synthgate.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness of the DICOM SCP: down when its accept loop or socket is gone. */
@Liveness
@ApplicationScoped
public class DicomListenerHealthCheck implements HealthCheck {

    private final DicomListener listener;
    private final DicomListenerConfig config;

    public DicomListenerHealthCheck(DicomListener listener, DicomListenerConfig config) {
        this.listener = listener;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dicom-listener")
                .status(listener.isListening())
                .withData("aeTitle", config.aeTitle())
                .withData("port", listener.port())
                .build();
    }
}
