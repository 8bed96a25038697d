package io.synthgate.pixels;

/**
 * How a candidate compares with the original inside the mask, over every sample of every masked
 * pixel: PSNR in dB against the full stored range (null when identical), mean SSIM over 7x7 windows
 * centred on masked pixels, mean absolute error in stored values; and the largest absolute
 * difference outside the mask, which must be 0.
 */
public record FidelityMetrics(Double psnrDb, double ssim, double meanAbsoluteError, int maxAbsoluteDifferenceOutsideMask) {
}
