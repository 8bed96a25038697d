package io.synthgate.pipeline;

/**
 * The names routes and step beans agree on. A route takes a {@code JobTicket} from {@link #ENTRY},
 * sets the headers below with {@code setHeader}, and passes the job id along as an exchange property.
 */
public final class Pipeline {

    /** Endpoint every completed study's job is sent to, once at a time. */
    public static final String ENTRY = "direct:job-ready";

    /** Endpoint every job of a text-to-image run (one prompt) is sent to, once at a time. */
    public static final String TEXT_ENTRY = "direct:text-prompt-ready";

    /** Exchange property: the job being processed ({@code UUID}). */
    public static final String JOB_ID = "SynthGateJobId";

    /** Header: the experiment's name, recorded on the job. */
    public static final String EXPERIMENT = "SynthGateExperiment";

    /** Header: the mask spec, in the mask language ({@code rectangle 40% 40% 20% 20%}). */
    public static final String MASK = "SynthGateMask";

    /** Header: the generator's name; the configured default when absent. */
    public static final String GENERATOR = "SynthGateGenerator";

    /** Header: the generation operation ({@code INPAINT}, {@code ERASE}, ...); INPAINT when absent. */
    public static final String OPERATION = "SynthGateOperation";

    /** Header: the prompt template; {@code {bodyPart}}, {@code {modality}} and {@code {laterality}} are filled in per image. */
    public static final String PROMPT = "SynthGatePrompt";

    /** Header: what the result should not show, a prompt template like {@link #PROMPT}; none when absent. */
    public static final String NEGATIVE_PROMPT = "SynthGateNegativePrompt";

    /**
     * Header: the seed policy: a number (that seed for every image), {@code random} (the provider
     * chooses), or absent (a seed derived from job and image, so a rerun asks for the same one).
     */
    public static final String SEED = "SynthGateSeed";

    /**
     * Header: how many candidates to make of each image, each from its own seed and all kept
     * (default 1). Routes repeat the generate and wrap steps in a {@code loop} of this count.
     */
    public static final String CANDIDATES = "SynthGateCandidates";

    /**
     * Header: the review policy, {@code none} (default), {@code required} (candidates wait for a
     * radiologist's verdict; only approved ones are exported) or {@code recorded} (they wait, then all
     * are exported with the verdict written into each).
     */
    public static final String REVIEW = "SynthGateReview";

    /**
     * Header: which of a study's instances the experiment takes, e.g.
     * {@code Modality=CR,DX; BodyPartExamined=KNEE}; empty takes all (see {@code selectStep}).
     */
    public static final String SELECT = "SynthGateSelect";

    /**
     * Header: what the de-identified copy keeps beyond the Basic Profile, e.g.
     * {@code modified-dates, patient-characteristics}, or {@code none}; empty keeps what
     * {@code synthgate.deid.retain-*} configure (see {@code deidStep}).
     */
    public static final String DEID_RETAIN = "SynthGateDeidRetain";

    /**
     * Exchange property set by {@code drawnRegionsStep}: the regions drawn in the study's sources (ROI
     * overlays, segmentations), which mask specs {@code overlay} and {@code segment} name.
     */
    public static final String DRAWN_REGIONS = "SynthGateDrawnRegions";

    /** Header set by {@code describeStep}: the image's Body Part Examined, upper case, empty when it has none. */
    public static final String BODY_PART = "SynthGateBodyPart";

    /** Header set by {@code describeStep}: the image's Modality, upper case, empty when it has none. */
    public static final String MODALITY = "SynthGateModality";

    /** Header: the destination's name under {@code synthgate.destinations}, or several, comma-separated. */
    public static final String DESTINATION = "SynthGateDestination";

    private Pipeline() {
    }
}
