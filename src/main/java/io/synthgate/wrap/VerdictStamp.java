package io.synthgate.wrap;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a radiologist's verdict into a synthetic object, in the private block {@code SYNTHGATE 1}:
 * (0099,1015) the verdict, APPROVED or REJECTED, and (0099,1016) the grade 1-5 when one was given.
 * Who decided and the comment stay in the gateway's audit; they are not the research PACS's business.
 * The object is rewritten in the spool by an atomic rename, so a crash leaves it whole.
 */
@ApplicationScoped
public class VerdictStamp {

    static final AttributeTag VERDICT = new AttributeTag(0x0099, 0x1015);
    static final AttributeTag GRADE = new AttributeTag(0x0099, 0x1016);

    private final Spool spool;

    public VerdictStamp(Spool spool) {
        this.spool = spool;
    }

    /** Writes {@code verdict} (APPROVED or REJECTED) and {@code grade}, when given, into {@code object}. */
    public void write(Path object, String verdict, Integer grade) throws IOException {
        Path temporary = spool.newTemporaryFile();
        try {
            AttributeList list = new AttributeList();
            list.read(object.toFile());
            CodeStringAttribute decided = new CodeStringAttribute(VERDICT);
            decided.addValue(verdict);
            list.put(decided);
            list.remove(GRADE);
            if (grade != null) {
                IntegerStringAttribute graded = new IntegerStringAttribute(GRADE);
                graded.addValue(grade);
                list.put(graded);
            }
            list.write(temporary.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            spool.commit(temporary, object);
        } catch (DicomException e) {
            throw new IOException("Synthetic object " + object.getFileName() + " cannot be rewritten with its verdict: "
                    + e.getMessage(), e);
        } finally {
            spool.discard(temporary);
        }
    }
}
