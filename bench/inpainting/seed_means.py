#!/usr/bin/python3
"""Measures the fills SeedExport wrote, one folder per seed, as compare.py does, and prints per image
and per mask the means over the seeds of SSIM, texture gap and boundary orientation, then the means
over the images.

Usage: seed_means.py FOLDER   (FOLDER/<seed>/<image>/<mask>/)
"""
import collections
import pathlib
import sys

import numpy as np

from compare import load, measure


def main(root):
    by_case = collections.defaultdict(list)
    for folder in sorted(root.glob("*/*/*")):
        meta = dict(line.split("=", 1) for line in (folder / "meta.properties").read_text().split())
        shape = (int(meta["rows"]), int(meta["columns"]))
        original = load(folder, "original.f32", shape)
        mask = load(folder, "mask.u8", shape, np.uint8) > 0
        _, ssim, _, gap, _, orientation = measure(original, load(folder, "synthgate-builtin.f32", shape), mask)
        by_case[(folder.name, folder.parent.name)].append((ssim, gap, orientation))
    seeds = len({folder.name for folder in root.iterdir() if folder.is_dir()})
    print(f"Today's built-in fill, means over {seeds} seeds:")
    print()
    print("| mask | image | SSIM | texture gap | boundary orientation |")
    print("|---|---|---|---|---|")
    by_mask = collections.defaultdict(list)
    for (mask, image), values in sorted(by_case.items()):
        mean = np.mean(values, axis=0)
        by_mask[mask].append(mean)
        print(f"| {mask} | {image} | {mean[0]:.4f} | {mean[1]:.2f} | {mean[2]:.3f} |")
    for mask, means in sorted(by_mask.items()):
        mean = np.mean(means, axis=0)
        print(f"| {mask} | mean over the images | {mean[0]:.4f} | {mean[1]:.2f} | {mean[2]:.3f} |")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
