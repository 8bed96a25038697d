package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.pixelmed.network.PresentationContext;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoragePresentationContextsTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String DEFLATED = StoragePresentationContexts.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
    private static final String JPEG_2000 = "1.2.840.10008.1.2.4.90";

    @Test
    void acceptsDeflateWhenItIsAllThatIsProposed() {
        PresentationContext context = choose(new PresentationContext((byte) 1, CT, DEFLATED));
        assertEquals(0, context.getResultReason());
        assertEquals(DEFLATED, context.getTransferSyntaxUID());
    }

    @Test
    void prefersAnUncompressedSyntaxOverDeflate() {
        LinkedList<String> both = new LinkedList<>(List.of(DEFLATED, EXPLICIT));
        PresentationContext context = choose(new PresentationContext((byte) 3, CT, both));
        assertEquals(0, context.getResultReason());
        assertEquals(EXPLICIT, context.getTransferSyntaxUID());
    }

    @Test
    void keepsPixelMedsChoicesForOtherSyntaxesAndRejections() {
        assertEquals(JPEG_2000, choose(new PresentationContext((byte) 5, CT, JPEG_2000)).getTransferSyntaxUID());
        assertNotEquals(0, choose(new PresentationContext((byte) 7, "1.2.840.10008.5.1.4.1.2.2.1", DEFLATED))
                .getResultReason(), "Study Root C-FIND is no storage class, in any syntax");
    }

    private static PresentationContext choose(PresentationContext proposed) {
        LinkedList<PresentationContext> contexts = new LinkedList<>(List.of(proposed));
        return (PresentationContext) new StoragePresentationContexts().applyPresentationContextSelectionPolicy(contexts, 0)
                .getFirst();
    }
}
