package io.synthgate.expertmask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionCodecTest {

    @Test
    void aMaskReadsBackBitForBit() {
        BitSet bits = new BitSet();
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            bits.set(random.nextInt(200_000));
        }
        bits.set(1_000_000, 1_200_000);
        assertEquals(bits, RegionCodec.decode(RegionCodec.encode(bits)));
        assertEquals(new BitSet(), RegionCodec.decode(RegionCodec.encode(new BitSet())));
    }

    @Test
    void aWholeRadiographsMaskTakesLittleRoom() {
        BitSet ellipse = new BitSet(2048 * 2500);
        for (int row = 0; row < 2500; row++) {
            for (int column = 0; column < 2048; column++) {
                double dx = (column - 1024) / 700.0;
                double dy = (row - 1250) / 900.0;
                if (dx * dx + dy * dy <= 1) {
                    ellipse.set(row * 2048 + column);
                }
            }
        }
        String stored = RegionCodec.encode(ellipse);
        assertTrue(stored.length() < 40_000, stored.length() + " characters");
        assertEquals(ellipse, RegionCodec.decode(stored));
    }

    @Test
    void noiseThatWouldNotFitIsRefused() {
        BitSet noise = new BitSet();
        Random random = new Random(1);
        for (int i = 0; i < 8_000_000; i++) {
            if (random.nextBoolean()) {
                noise.set(i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RegionCodec.encode(noise));
    }
}
