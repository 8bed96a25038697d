package io.synthgate.pixels;

/**
 * How a candidate compares with the original inside the mask, over every sample of every masked
 * pixel that has an original: PSNR in dB against the full stored range (null when identical), mean
 * SSIM over 7x7 windows centred on masked pixels, mean absolute error in stored values (all three
 * null when no masked pixel has an original, as in a canvas grown by outpainting); and the largest
 * absolute difference outside the mask, which must be 0.
 */
public record FidelityMetrics(Double psnrDb, Double ssim, Double meanAbsoluteError, int maxAbsoluteDifferenceOutsideMask) {

    /** Whether the mask had pixels with an original, so that PSNR, SSIM and MAE mean something. */
    public boolean compared() {
        return meanAbsoluteError != null;
    }

    /**
     * The figures of a stack from those of its frames, which share one mask and so weigh alike: PSNR
     * from the mean squared error over all frames, SSIM and MAE averaged, the largest difference
     * outside the mask the largest of any frame.
     */
    public static FidelityMetrics ofFrames(java.util.List<FidelityMetrics> frames, int bitsStored) {
        double peak = Math.pow(Math.pow(2, bitsStored) - 1, 2);
        double mse = 0;
        double ssim = 0;
        double mae = 0;
        int outside = 0;
        int compared = 0;
        for (FidelityMetrics frame : frames) {
            outside = Math.max(outside, frame.maxAbsoluteDifferenceOutsideMask());
            if (frame.compared()) {
                mse += frame.psnrDb() == null ? 0 : peak / Math.pow(10, frame.psnrDb() / 10);
                ssim += frame.ssim();
                mae += frame.meanAbsoluteError();
                compared++;
            }
        }
        if (compared == 0) {
            return new FidelityMetrics(null, null, null, outside);
        }
        return new FidelityMetrics(mse == 0 ? null : 10 * Math.log10(peak / (mse / compared)), ssim / compared,
                mae / compared, outside);
    }
}
