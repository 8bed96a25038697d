package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.pixels.Hashes;
import io.synthgate.pixels.PixelBox;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The seal on every synthetic object SynthGate writes: an HMAC-SHA256, under the pseudonym key, of
 * its identifiers (patient, study, series, instance), the provenance elements that say where its
 * burned-in label and its outpainting stages lie and whether its pixels may carry other burned-in
 * text, and its pixels. An object sent back in whose seal verifies is one this gateway (or a replica
 * on its database) wrote and nobody changed since: it is already de-identified, its only burned-in
 * text is the label, and its provenance can be trusted. Anything else, a forged provenance block
 * included, is de-identified like every other object.
 */
@ApplicationScoped
public class OutputSeal {

    /** Private creator of the provenance block, at (0099,0010). */
    public static final String CREATOR = "SYNTHGATE 1";
    /** (0099,100E) US: column, row, width and height of the burned-in label. */
    public static final AttributeTag LABEL_BOX = element(0x0E);
    /** (0099,1014) US: the outpainting stages, four values (column, row, width, height) each. */
    public static final AttributeTag STAGES = element(0x14);
    /** (0099,1017) LO: the seal, 64 hexadecimal digits. */
    public static final AttributeTag SEAL = element(0x17);
    /** (0099,1018) LT: why the pixels the object was made from may carry burned-in text. */
    public static final AttributeTag BURNED_IN_TEXT_RISK = element(0x18);

    private static final Logger LOG = Logger.getLogger(OutputSeal.class);
    private static final AttributeTag CREATOR_TAG = new AttributeTag(0x0099, 0x0010);

    private final PseudonymKey key;

    public OutputSeal(PseudonymKey key) {
        this.key = key;
    }

    /** The seal of an object about to be written: {@code list} complete but for Pixel Data, whose samples are given. */
    public String seal(AttributeList list, Object samples) {
        PixelLayout layout = PixelLayout.of(list);
        byte[] pixels = Arrays.copyOf(StoredSamples.littleEndianBytes(samples), frameBytes(layout));
        return mac(list, Hashes.sha256(pixels));
    }

    /**
     * What a received object says about itself when it carries SynthGate's seal and the seal verifies;
     * {@code header} is read up to its Pixel Data, whose native little-endian value starts at
     * {@code pixelOffset} of {@code file}.
     */
    public Optional<SealedOutput> verify(AttributeList header, Path file, long pixelOffset, String sopInstanceUid)
            throws IOException {
        String seal = Attribute.getSingleStringValueOrEmptyString(header, SEAL);
        if (seal.isEmpty() || !CREATOR.equals(Attribute.getSingleStringValueOrEmptyString(header, CREATOR_TAG))) {
            return Optional.empty();
        }
        PixelLayout layout;
        try {
            layout = PixelLayout.of(header);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String expected = mac(header, Hashes.sha256(file, pixelOffset, frameBytes(layout)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), seal.getBytes(StandardCharsets.US_ASCII))) {
            LOG.warnf("SOP Instance %s carries SynthGate's provenance, but its seal does not verify (changed since it"
                    + " was written, or written by a gateway with another pseudonym key): de-identified like any other"
                    + " object", sopInstanceUid);
            return Optional.empty();
        }
        String risk = Attribute.getSingleStringValueOrEmptyString(header, BURNED_IN_TEXT_RISK);
        List<PixelBox> stages = PixelBox.listOf(Attribute.getIntegerValues(header, STAGES));
        List<PixelBox> label = PixelBox.listOf(Attribute.getIntegerValues(header, LABEL_BOX));
        return Optional.of(new SealedOutput(label.stream().findFirst(), stages,
                risk.isEmpty() ? Optional.empty() : Optional.of(risk)));
    }

    private String mac(AttributeList list, String pixelsSha256) {
        return HexFormat.of().formatHex(key.mac("synthgate-output",
                text(list, TagFromName.SOPClassUID), text(list, TagFromName.SOPInstanceUID),
                text(list, TagFromName.StudyInstanceUID), text(list, TagFromName.SeriesInstanceUID),
                text(list, TagFromName.PatientID), text(list, TagFromName.PatientName), text(list, LABEL_BOX),
                text(list, STAGES), text(list, BURNED_IN_TEXT_RISK), pixelsSha256));
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
    }

    private static int frameBytes(PixelLayout layout) {
        return layout.pixelCount() * layout.samplesPerPixel() * (layout.bitsAllocated() / 8);
    }

    private static AttributeTag element(int offset) {
        return new AttributeTag(0x0099, 0x1000 + offset);
    }
}
