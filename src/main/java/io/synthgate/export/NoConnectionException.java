package io.synthgate.export;

import java.io.IOException;

/**
 * No connection to a peer could be made (refused, timed out, or its TLS handshake failed), so nothing
 * was sent: an export takes the destination for down and waits for it, where an association that
 * opened and then failed needs a C-ECHO to tell.
 */
final class NoConnectionException extends IOException {

    NoConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
