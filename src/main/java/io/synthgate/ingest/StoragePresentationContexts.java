package io.synthgate.ingest;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.Set;

/**
 * Which presentation contexts the SCP accepts: every Storage SOP Class in any transfer syntax PixelMed
 * reads, as {@link AnyExplicitStorePresentationContextSelectionPolicy} chooses, and also Deflated
 * Explicit VR Little Endian, which PixelMed reads from a file but does not offer to accept. Deflate is
 * chosen only where nothing else proposed for the context is acceptable, since the stored object is
 * then deflated too.
 */
final class StoragePresentationContexts implements PresentationContextSelectionPolicy {

    static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    /** PS3.8 Table 9-18: transfer syntaxes not supported (provider rejection). */
    private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;
    private static final byte ACCEPTANCE = 0;

    private final PresentationContextSelectionPolicy pixelmed = new AnyExplicitStorePresentationContextSelectionPolicy();

    @Override
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber) {
        Set<Byte> offeringDeflate = new HashSet<>();
        for (Object item : contexts) {
            PresentationContext context = (PresentationContext) item;
            String sopClass = context.getAbstractSyntaxUID();
            if ((SOPClass.isImageStorage(sopClass) || SOPClass.isNonImageStorage(sopClass))
                    && context.getTransferSyntaxUIDs().contains(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
                offeringDeflate.add(context.getIdentifier());
            }
        }
        LinkedList chosen = pixelmed.applyPresentationContextSelectionPolicy(contexts, associationNumber);
        for (Object item : chosen) {
            PresentationContext context = (PresentationContext) item;
            if (context.getResultReason() == TRANSFER_SYNTAXES_NOT_SUPPORTED
                    && offeringDeflate.contains(context.getIdentifier())) {
                context.newTransferSyntaxUIDs();
                context.addTransferSyntaxUID(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
                context.setResultReason(ACCEPTANCE);
            }
        }
        return chosen;
    }

    @Override
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber, int debugLevel) {
        return applyPresentationContextSelectionPolicy(contexts, associationNumber);
    }
}
