package io.synthgate.pipeline;

/**
 * The names routes and step beans agree on. A completed study's job enters {@link #ENTRY}, where
 * {@code experimentStep} sets {@link #JOB_ID} and the typed {@link #EXPERIMENT} and sends it on to
 * {@link #experimentEntry(String) its experiment's route}; every step reads what it needs from those
 * two exchange properties.
 */
public final class Pipeline {

    /** Endpoint every completed study's job is sent to, once at a time, to be routed to its experiments. */
    public static final String ENTRY = "direct:job-ready";

    /** Endpoint every job of a text-to-image run (one prompt) is sent to, once at a time. */
    public static final String TEXT_ENTRY = "direct:text-prompt-ready";

    /** Exchange property: the job being processed ({@code UUID}). */
    public static final String JOB_ID = "SynthGateJobId";

    /** Exchange property: the job's {@link Experiment}, parsed and checked when SynthGate started. */
    public static final String EXPERIMENT = "SynthGateExperiment";

    /**
     * Exchange property set by {@code drawnRegionsStep}: the regions drawn in the study's sources (ROI
     * overlays, segmentations), which mask specs {@code overlay} and {@code segment} name.
     */
    public static final String DRAWN_REGIONS = "SynthGateDrawnRegions";

    /** Header set by {@code describeStep}: the image's Body Part Examined, upper case, empty when it has none. */
    public static final String BODY_PART = "SynthGateBodyPart";

    /** Header set by {@code describeStep}: the image's Modality, upper case, empty when it has none. */
    public static final String MODALITY = "SynthGateModality";

    private static final String EXPERIMENT_ENTRY = "direct:experiment-";

    private Pipeline() {
    }

    /** The endpoint of the route that runs experiment {@code name}: {@code direct:experiment-<name>}. */
    public static String experimentEntry(String name) {
        return EXPERIMENT_ENTRY + name;
    }
}
