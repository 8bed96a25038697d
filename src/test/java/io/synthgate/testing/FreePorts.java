package io.synthgate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for the processes a test starts. They come from 20000-32767, below Linux's
 * ephemeral range (32768-60999): a port the kernel hands out for "port 0" may be taken by any
 * outgoing connection (storescu, Orthanc, an HTTP client) before the process it was meant for
 * binds it, which once failed a gateway's start with "port in use". Each port is checked free
 * when handed out and never handed out twice by this JVM.
 *
 * <p>Failsafe runs the end-to-end tests in several JVMs at once ({@code synthgate.test.forks}); each
 * takes its own slice of the range ({@code synthgate.test.fork}, from 1), since a port another JVM
 * checked free may not be bound yet by the process it was meant for.
 */
public final class FreePorts {

    private static final int RANGE_FIRST = 20_000;
    private static final int RANGE_COUNT = 12_768;
    private static final int FORKS = Integer.getInteger("synthgate.test.forks", 1);
    private static final int COUNT = RANGE_COUNT / FORKS;
    private static final int FIRST = RANGE_FIRST + COUNT * (Integer.getInteger("synthgate.test.fork", 1) - 1);
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private FreePorts() {
    }

    public static int next() {
        for (int tries = 0; tries < COUNT; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another process holds it; try the next one
            }
        }
        throw new IllegalStateException("No free port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }
}
