package io.synthgate.dicom;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the structure walk that every received data set passes before it is acknowledged: in any of
 * the four transfer syntaxes, whatever the bytes, it returns a verdict (well formed, or the fault) or an
 * I/O error, never another exception, and it streams: no input makes it allocate what a length claims.
 * {@code ./mvnw test} replays the inputs kept under {@code src/test/resources}; CI fuzzes it for a bounded
 * time (the {@code fuzz} executions in the pom).
 */
class DataSetStructureFuzzTest {

    private static final List<String> SYNTAXES = List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
            "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99");
    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("fuzzed", ".dcm");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "30s")
    void anyDataSetGetsAVerdict(FuzzedDataProvider data) throws IOException {
        String syntax = data.pickValue(SYNTAXES);
        byte[] dataSet = data.consumeRemainingAsBytes();
        Files.write(file, part10(syntax, dataSet));
        DataSetStructure.walk(file, syntax);
    }

    /** A minimal, valid Part 10 preamble and meta header with the transfer syntax, then the data set. */
    private static byte[] part10(String syntax, byte[] dataSet) {
        byte[] uid = (syntax.length() % 2 == 0 ? syntax : syntax + "\0").getBytes(StandardCharsets.US_ASCII);
        int metaLength = 8 + uid.length;
        ByteBuffer buffer = ByteBuffer.allocate(132 + 12 + metaLength + dataSet.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(128);
        buffer.put("DICM".getBytes(StandardCharsets.US_ASCII));
        buffer.putShort((short) 0x0002).putShort((short) 0x0000).put("UL".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 4).putInt(metaLength);
        buffer.putShort((short) 0x0002).putShort((short) 0x0010).put("UI".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) uid.length).put(uid);
        buffer.put(dataSet);
        return buffer.array();
    }
}
