#!/usr/bin/python3
"""Measures every fill that InpaintingExport wrote, beside mean fill and scikit-image's
inpaint_biharmonic run here on the same original and mask, and prints a markdown table.

Inside the mask, against the original: PSNR (data range = the original's max - min) and mean SSIM
(scikit-image's structural_similarity, 7x7 windows, averaged over masked pixels). Texture: the local
noise level, the robust standard deviation (1.4826 x MAD) of the high-pass residual (image less a
Gaussian blur, sigma 1.5), inside the mask (eroded by 3 px, away from the seam) over the same in
the ring of known pixels 3 to 15 px around it. 1.0 means the fill is as grainy as the tissue around
it; a smooth fill scores near 0. The texture gap is |log2| of that ratio, 0 at best.

Structure continuity: the edge F1 inside the mask. Canny edges (sigma 2, thresholds at the 80th and
95th percentile of the original's gradient magnitude, used for the fill too) of the original and of
the fill, each matched within 2 px by the other's: recall says how much of the anatomy's edges the
fill continues, precision how many of its edges are really there; F1 is 1 when the fill draws the
original's edges and no others, 0 for a fill without structure (or made of noise).

Structure across the boundary: the boundary orientation agreement. In the band of masked pixels at
most 12 px from a known one, where anatomy that crosses the mask's edge has to be carried on, the
local orientation of the fill (structure tensor: gradients at sigma 1.5, averaged at sigma 3) against
the original's, as cos 2x the angle between them, weighted by how strongly oriented the original is
there. 1 when every edge and stripe goes on in its direction, 0 for orientations unrelated to the
original's (noise, or a flat fill), below 0 when they run across it.

SSIM against texture: inside a large region nothing in the image says where the grain's peaks
fall, so grain that does not line up with the original's lowers SSIM however faithful its level.
To show the trade-off the targets ask to beat, the last table adds to scikit-image's biharmonic fill
a share of the grain the earlier built-in fill synthesised (synthgate-textured less
synthgate-biharmonic) and measures each mix as above. The one after it feathers today's built-in
fill into SynthGate's biharmonic one by depth: at d px from the nearest known pixel the biharmonic
fill weighs exp(-d / L), so the smooth fill carries the seam and the completion the inside; L = 0
is today's fill alone. Both tables also give the boundary orientation, to show whether a smoother
seam carries the structure across it any better.

For the eye, each case also gets a PNG of side-by-side crops around the mask (the mask's box grown
by a quarter of its size on each side, at most the image): the source, scikit-image's biharmonic
fill, the earlier built-in fill and today's, each windowed to the source's 1st to 99th percentile.

Usage: compare.py EXPORT_FOLDER [CROPS_FOLDER]
"""
import pathlib
import sys
import time

import numpy as np
from scipy import ndimage
from skimage.feature import canny
from skimage.io import imsave
from skimage.metrics import structural_similarity
from skimage.restoration import inpaint_biharmonic

GRAIN_SHARES = [0, 0.25, 0.5, 0.75, 1]
FEATHER_LENGTHS = [0, 3, 6, 12, 24]
FRONTIER_MASKS = ["large", "outpaint"]
METHODS = ["mean fill", "telea", "biharmonic (scikit-image)", "synthgate-biharmonic", "synthgate-textured",
           "synthgate-builtin"]


def load(folder, name, shape, dtype=np.float32):
    return np.fromfile(folder / name, dtype=dtype).reshape(shape).astype(np.float64)


def noise_level(values):
    median = np.median(values)
    return 1.4826 * np.median(np.abs(values - median))


def measure(original, filled, mask):
    data_range = float(original.max() - original.min()) or 1.0
    error = (filled - original)[mask]
    mse = float(np.mean(error ** 2))
    psnr = float("inf") if mse == 0 else 10 * np.log10(data_range ** 2 / mse)
    _, ssim_map = structural_similarity(original, filled, data_range=data_range, win_size=7, full=True)
    ssim = float(np.mean(ssim_map[mask]))
    residual = filled - ndimage.gaussian_filter(filled, 1.5)
    inner = ndimage.binary_erosion(mask, iterations=3)
    ring = ndimage.binary_dilation(mask, iterations=15) & ~ndimage.binary_dilation(mask, iterations=3)
    ratio = noise_level(residual[inner]) / max(noise_level(residual[ring]), 1e-9) if inner.any() else float("nan")
    return (psnr, ssim, ratio, abs(np.log2(max(ratio, 1e-6))), edge_f1(original, filled, mask),
            boundary_orientation(original, filled, mask))


def edge_f1(original, filled, mask):
    magnitude = np.hypot(ndimage.sobel(ndimage.gaussian_filter(original, 2), 0),
                         ndimage.sobel(ndimage.gaussian_filter(original, 2), 1))
    low, high = np.percentile(magnitude, [80, 95])
    truth = canny(original, sigma=2, low_threshold=low, high_threshold=high) & mask
    drawn = canny(filled, sigma=2, low_threshold=low, high_threshold=high) & mask
    if not truth.any():
        return float("nan")
    recall = (truth & ndimage.binary_dilation(drawn, iterations=2)).sum() / truth.sum()
    precision = (drawn & ndimage.binary_dilation(truth, iterations=2)).sum() / max(drawn.sum(), 1)
    return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)


def orientation_field(image):
    """The structure tensor as one complex number per pixel: its angle is twice the dominant
    orientation, its magnitude how strongly oriented the neighbourhood is."""
    smooth = ndimage.gaussian_filter(image, 1.5)
    gy, gx = ndimage.sobel(smooth, 0), ndimage.sobel(smooth, 1)
    jxx, jyy, jxy = (ndimage.gaussian_filter(product, 3) for product in (gx * gx, gy * gy, gx * gy))
    return (jxx - jyy) + 2j * jxy


def boundary_orientation(original, filled, mask, width=12):
    band = mask & (ndimage.distance_transform_edt(mask) <= width)
    truth, drawn = orientation_field(original)[band], orientation_field(filled)[band]
    weight = np.abs(truth)
    agreement = np.real(truth * np.conj(drawn)) / np.maximum(weight * np.abs(drawn), 1e-300)
    return float((weight * agreement).sum() / max(weight.sum(), 1e-300))


def mean_fill(original, mask):
    """Each masked region filled with the mean of the known pixels bordering it."""
    filled = original.copy()
    labels, count = ndimage.label(mask)
    for region in range(1, count + 1):
        inside = labels == region
        border = ndimage.binary_dilation(inside, iterations=2) & ~mask
        filled[inside] = original[border].mean()
    return filled


def save_crops(path, original, mask, fills):
    """Source, scikit-image biharmonic, earlier built-in and today's built-in, side by side, 4 px apart."""
    ys, xs = np.nonzero(mask)
    grow_y, grow_x = (ys.max() - ys.min() + 1) // 4, (xs.max() - xs.min() + 1) // 4
    top, bottom = max(0, ys.min() - grow_y), min(mask.shape[0], ys.max() + 1 + grow_y)
    left, right = max(0, xs.min() - grow_x), min(mask.shape[1], xs.max() + 1 + grow_x)
    low, high = np.percentile(original, [1, 99])
    tiles = [original] + [fills[m][0] for m in ["biharmonic (scikit-image)", "synthgate-textured", "synthgate-builtin"]]
    gap = np.ones((bottom - top, 4))
    row = []
    for tile in tiles:
        row += [np.clip((tile[top:bottom, left:right] - low) / max(high - low, 1e-9), 0, 1), gap]
    imsave(path, (np.concatenate(row[:-1], axis=1) * 255).astype(np.uint8), check_contrast=False)


def main(root, crops=None):
    rows = []
    grains, feathers = [], []
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()):
        meta = dict(line.split("=", 1) for line in (folder / "meta.properties").read_text().split())
        shape = (int(meta["rows"]), int(meta["columns"]))
        original = load(folder, "original.f32", shape)
        mask = load(folder, "mask.u8", shape, np.uint8) > 0
        fills = {"mean fill": (mean_fill(original, mask), None)}
        start = time.perf_counter()
        fills["biharmonic (scikit-image)"] = (inpaint_biharmonic(original, mask, split_into_regions=True),
                                              time.perf_counter() - start)
        for method in [m for m in METHODS if m not in fills]:
            fills[method] = (load(folder, method + ".f32", shape), float(meta["seconds." + method]))
        image, mask_name = folder.parent.name, folder.name
        if mask_name in FRONTIER_MASKS:
            grain = fills["synthgate-textured"][0] - fills["synthgate-biharmonic"][0]
            for share in GRAIN_SHARES:
                mixed = fills["biharmonic (scikit-image)"][0] + share * grain
                grains.append((mask_name, share) + trade_off(original, mixed, mask))
            depth = ndimage.distance_transform_edt(mask)
            for length in FEATHER_LENGTHS:
                smooth = np.exp(-depth / length) if length else np.zeros_like(depth)
                mixed = smooth * fills["synthgate-biharmonic"][0] + (1 - smooth) * fills["synthgate-builtin"][0]
                feathers.append((mask_name, length) + trade_off(original, mixed, mask))
        if crops is not None:
            save_crops(crops / f"{image}-{mask_name}.png", original, mask, fills)
        for method in METHODS:
            filled, seconds = fills[method]
            psnr, ssim, ratio, gap, f1, orientation = measure(original, filled, mask)
            megapixels = shape[0] * shape[1] / 1e6
            rows.append((image, mask_name, f"{mask.mean() * 100:.1f}%", shape, method, psnr, ssim, ratio, gap, f1,
                         orientation, None if seconds is None else seconds / megapixels))
    print("| image | mask | masked | method | PSNR dB | SSIM | noise ratio | texture gap | edge F1 | boundary orientation | s/MP |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for image, mask_name, share, shape, method, psnr, ssim, ratio, gap, f1, orientation, per_mp in rows:
        print(f"| {image} {shape[1]}x{shape[0]} | {mask_name} | {share} | {method} | {psnr:.2f} | {ssim:.4f} | "
              f"{ratio:.2f} | {gap:.2f} | {f1:.3f} | {orientation:.3f} | {'' if per_mp is None else f'{per_mp:.2f}'} |")
    for group, masks in [("small holes (central, boxes)", {"central", "boxes"}), ("large (20%)", {"large"}),
                         ("radiograph preset ellipse", {"ellipse"}), ("outpainting by 25%", {"outpaint"})]:
        print()
        print(f"Means over the images, {group}:")
        print()
        print("| method | PSNR dB | SSIM | noise ratio | texture gap | edge F1 | boundary orientation |")
        print("|---|---|---|---|---|---|---|")
        for method in METHODS:
            chosen = [r for r in rows if r[4] == method and r[1] in masks]
            print(f"| {method} | {np.mean([r[5] for r in chosen]):.2f} | {np.mean([r[6] for r in chosen]):.4f} | "
                  f"{np.mean([r[7] for r in chosen]):.2f} | {np.mean([r[8] for r in chosen]):.2f} | "
                  f"{np.nanmean([r[9] for r in chosen]):.3f} | {np.mean([r[10] for r in chosen]):.3f} |")
    print_trade_off("SSIM against texture: scikit-image's biharmonic fill plus a share of synthesised grain",
                    "grain share", grains)
    print_trade_off("Feathered seams: today's built-in fill with SynthGate's biharmonic fill weighing exp(-depth / L)",
                    "L px", feathers)


def trade_off(original, filled, mask):
    """SSIM, texture gap and boundary orientation: the figures the frontier tables set against each other."""
    _, ssim, _, gap, _, orientation = measure(original, filled, mask)
    return ssim, gap, orientation


def print_trade_off(title, knob, results):
    print()
    print(title + ", means over the images:")
    print()
    header = [knob] + [f"{m} {figure}" for m in ["large", "outpainting"]
                       for figure in ["SSIM", "texture gap", "boundary orientation"]]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for setting in dict.fromkeys(r[1] for r in results):
        cells = []
        for mask_name in FRONTIER_MASKS:
            chosen = np.array([r[2:] for r in results if r[0] == mask_name and r[1] == setting])
            ssim, gap, orientation = chosen.mean(axis=0)
            cells += [f"{ssim:.4f}", f"{gap:.2f}", f"{orientation:.3f}"]
        print(f"| {setting} | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None)
