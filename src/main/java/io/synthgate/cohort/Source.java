package io.synthgate.cohort;

import io.synthgate.dicom.AeTitle;
import io.synthgate.ingest.SourcesConfig.RetrieveMethod;
import java.time.Duration;

/**
 * A clinical PACS cohorts are pulled from, as configured under {@code synthgate.sources.<name>}.
 *
 * @param callingAeTitle the title SynthGate calls it with
 * @param moveDestination the title a C-MOVE asks it to send to
 * @param responseTimeout how long it may send nothing before an association is given up
 * @param tls whether its associations run over TLS
 */
public record Source(String name, AeTitle aeTitle, String host, int port, RetrieveMethod retrieve,
        AeTitle callingAeTitle, AeTitle moveDestination, int maxAssociations, Duration timeout,
        Duration responseTimeout, boolean tls) {

    public Source {
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("synthgate.sources." + name + ".max-associations is " + maxAssociations
                    + "; at least one association is needed to retrieve anything");
        }
    }

    /** How log lines and problems name it. */
    public String describe() {
        return "source '" + name + "' (" + aeTitle.value() + " at " + host + ":" + port + ")";
    }
}
