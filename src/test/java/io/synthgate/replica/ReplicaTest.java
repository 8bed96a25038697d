package io.synthgate.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaTest {

    @Test
    void aNameWithAPortOrAPathBecomesOneFolderName() {
        assertEquals("synthgate-7f9c_8080", new Replica("synthgate-7f9c:8080", Duration.ofMinutes(1)).folderName());
        assertEquals(".._etc", new Replica("../etc", Duration.ofMinutes(1)).folderName());
    }

    @Test
    void theDefaultNameIsTheHostAndTheHttpPort() {
        Replica replica = new ReplicaProducer(config(Optional.empty(), "60s", "15s"), 8443).replica();
        assertTrue(replica.name().endsWith(":8443") && replica.name().length() > ":8443".length(), replica.name());
        assertEquals(Duration.ofSeconds(60), replica.lease());
    }

    @Test
    void aLeaseShorterThanThreeHeartbeatsIsRefusedAtStartUp() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ReplicaProducer(config(Optional.of("gateway-1"), "20s", "10s"), 8080).replica());
        assertTrue(refused.getMessage().contains("synthgate.replica.lease (PT20S) must be at least three heartbeats"),
                refused.getMessage());
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Replica(" ", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Replica("x".repeat(129), Duration.ofMinutes(1)));
    }

    private static ReplicaConfig config(Optional<String> name, String lease, String heartbeat) {
        return new ReplicaConfig() {
            @Override
            public Optional<String> name() {
                return name;
            }

            @Override
            public Duration lease() {
                return Duration.parse("PT" + lease.toUpperCase());
            }

            @Override
            public Duration heartbeatInterval() {
                return Duration.parse("PT" + heartbeat.toUpperCase());
            }
        };
    }
}
