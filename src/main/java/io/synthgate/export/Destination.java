package io.synthgate.export;

import io.synthgate.dicom.AeTitle;
import java.time.Duration;

/**
 * A named DICOM peer.
 *
 * @param confirmStored whether what it acknowledges is confirmed by a C-FIND before it counts as exported
 */
public record Destination(String name, AeTitle aeTitle, String host, int port, DestinationKind kind, Duration timeout,
        boolean tls, boolean confirmStored) {

    /** Where it is: "ORTHANC@pacs.hospital.local:4242", with " over TLS" when it is reached so. */
    public String address() {
        return aeTitle + "@" + host + ":" + port + (tls ? " over TLS" : "");
    }

    @Override
    public String toString() {
        return name + " (" + address() + ", " + kind.name().toLowerCase() + ")";
    }
}
