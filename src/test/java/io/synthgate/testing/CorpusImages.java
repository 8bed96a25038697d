package io.synthgate.testing;

import io.synthgate.deid.DeidService;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.masking.MaskStep;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import jakarta.enterprise.context.ApplicationScoped;

/** A corpus image as the generate step receives it: de-identified, decoded and masked by the real steps. */
@ApplicationScoped
public class CorpusImages {

    private final DeidService deid;
    private final PixelDecoder decoder;
    private final MaskStep mask;

    public CorpusImages(DeidService deid, PixelDecoder decoder, MaskStep mask) {
        this.deid = deid;
        this.decoder = decoder;
        this.mask = mask;
    }

    /** The corpus file named {@code fileName}, masked with {@code maskSpec}. */
    public MaskedImage masked(String fileName, String maskSpec) throws Exception {
        var instance = Corpus.instances().stream()
                .filter(i -> i.file().getFileName().toString().equals(fileName)).findFirst().orElseThrow();
        return mask.apply((SourceImage) decoder.decode(deid.deidentify(instance)), masking(maskSpec), null);
    }

    /** Any single-frame DICOM file, masked with {@code maskSpec}. */
    public MaskedImage masked(java.nio.file.Path file, String maskSpec) throws Exception {
        return mask.apply((SourceImage) decoder.decode(deid.deidentify(Corpus.instance(file).orElseThrow())),
                masking(maskSpec), null);
    }

    /** An experiment whose one mask is {@code maskSpec}, outpainting when it grows the canvas. */
    private static Experiment masking(String maskSpec) {
        TestExperiments experiment = TestExperiments.named("test").mask(maskSpec);
        return maskSpec.contains("extend") ? experiment.operation(GenerationOperation.OUTPAINT).build() : experiment.build();
    }
}
