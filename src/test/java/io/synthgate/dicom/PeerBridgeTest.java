package io.synthgate.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How an exchange's failure is worded for an admin. */
class PeerBridgeTest {

    @Test
    void anAbortFromThePeersApplicationSaysThePacsAbortedIt() {
        assertEquals("the PACS aborted the association (A-ABORT)", PeerBridge.plainly("A-P-ABORT indication - "
                + "com.pixelmed.network.DicomNetworkException: A-ABORT indication - by DICOM UL Service User"));
    }

    @Test
    void otherFailuresKeepTheirOwnWords() {
        String provider = "A-ABORT indication - by DICOM UL Service Provider - reason unexpected PDU";
        assertEquals(provider, PeerBridge.plainly(provider));
        assertEquals("Connection reset", PeerBridge.plainly("Connection reset"));
    }
}
