package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerAllowlistTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void defaultAcceptsLoopbackCallersOnly() throws Exception {
        CallerAllowlist allowlist = CallerAllowlist.parse(List.of("*@127.0.0.1", "*@::1"));
        assertTrue(allowlist.permits("ANYONE", InetAddress.getByName("127.0.0.1")));
        assertTrue(allowlist.permits("ANYONE", InetAddress.getByName("::1")));
        assertFalse(allowlist.permits("ANYONE", InetAddress.getByName("10.1.2.3")));
    }

    @Test
    void titleWithHostNeedsBoth() throws Exception {
        CallerAllowlist allowlist = CallerAllowlist.parse(List.of("CT01@127.0.0.1"));
        assertTrue(allowlist.permits("CT01", LOOPBACK));
        assertFalse(allowlist.permits("CT02", LOOPBACK));
        assertFalse(allowlist.permits("CT01", InetAddress.getByName("10.1.2.3")));
    }

    @Test
    void titleAloneMatchesAnyHost() throws Exception {
        CallerAllowlist allowlist = CallerAllowlist.parse(List.of("PACS"));
        assertTrue(allowlist.permits("PACS", InetAddress.getByName("10.1.2.3")));
        assertFalse(allowlist.permits("PACS2", InetAddress.getByName("10.1.2.3")));
    }

    @Test
    void aHostIsAdmittedWhenSomeEntryCouldLetItIn() throws Exception {
        InetAddress stranger = InetAddress.getByName("10.1.2.3");
        assertFalse(CallerAllowlist.parse(List.of("CT01@127.0.0.1", "*@::1")).admitsHost(stranger),
                "every entry is bound to another host");
        assertTrue(CallerAllowlist.parse(List.of("CT01@127.0.0.1")).admitsHost(LOOPBACK));
        assertTrue(CallerAllowlist.parse(List.of("CT01@127.0.0.1", "PACS")).admitsHost(stranger),
                "a title without a host may call from anywhere");
    }

    @Test
    void refusesAnEmptyListAndUnresolvableHosts() {
        assertThrows(IllegalArgumentException.class, () -> CallerAllowlist.parse(List.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> CallerAllowlist.parse(List.of("X@no-such-host.invalid")));
        assertThrows(IllegalArgumentException.class, () -> CallerAllowlist.parse(List.of("TITLE_LONGER_THAN_16@127.0.0.1")));
    }
}
