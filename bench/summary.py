"""Reads the day's benchmark tables and writes summary-<date>.md: each target, the figure, met or not."""
import os
import re
import sys
import time


def rows(path):
    """Every markdown table row of the file as a list of cells."""
    if not os.path.exists(path):
        return []
    return [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in open(path) if line.startswith("|") and not line.startswith("|---")]


def first_line(path, prefix):
    for line in open(path):
        if line.startswith(prefix):
            return line.strip()
    return ""


def main(folder, day):
    ingest = os.path.join(folder, "ingest-%s.md" % day)
    pipeline = os.path.join(folder, "pipeline-%s.md" % day)
    large_study = os.path.join(folder, "pipeline-2gb-%s.md" % day)
    ratios = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in rows(ingest)
              if len(r) == 4 and re.fullmatch(r"[0-9.]+", r[2] or "")}
    targets = []

    def target(name, figure, met):
        targets.append((name, figure, "met" if met else "**missed**"))

    for data in ("small", "large"):
        storescp, orthanc = ratios.get((data, "1"), (float("nan"), float("nan")))
        target("ingest, %s set, 1 association, fsync on: at least 0.8x storescp" % data, "%.2fx" % storescp,
               storescp >= 0.8)
        target("ingest, %s set, 1 association, fsync on: at least 2x Orthanc" % data, "%.2fx" % orthanc, orthanc >= 2)
        target("ingest, %s set, 8 associations, fsync on: at least 3x Orthanc" % data,
               "%.2fx" % ratios.get((data, "8"), (0, float("nan")))[1], ratios.get((data, "8"), (0, 0))[1] >= 3)
    for r in rows(pipeline):
        if len(r) >= 8 and r[0] != "image size":
            overhead = float(r[5].rstrip("%"))
            target("pipeline overhead beyond a 2 s generator with 4 slots, %s: at most 5%%" % r[0], r[5],
                   overhead <= 5)
    for r in rows(large_study):
        if len(r) >= 8 and r[0] != "image size":
            target("peak RSS receiving and processing a 2 GB study (%s x %s): at most 512 MB" % (r[1], r[0]),
                   "%s MB" % r[7], int(r[7]) <= 512)
    out = os.path.join(folder, "summary-%s.md" % day)
    with open(out, "w") as f:
        f.write("# Benchmark summary, %s\n\n" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
        f.write("%s Written by `bench/summary.py` (the last step of `bench/run`) from the day's tables: [ingest](ingest-%s.md), [pipeline](pipeline-%s.md), "
                "[2 GB study](pipeline-2gb-%s.md), [inpainting](inpainting-%s.md), [JMH](jmh-%s.md).\n\n"
                % (first_line(ingest, "Machine:") if os.path.exists(ingest) else "", day, day, day, day, day))
        f.write("| target | measured | |\n|---|---|---|\n")
        for name, figure, verdict in targets:
            f.write("| %s | %s | %s |\n" % (name, figure, verdict))
    print(open(out).read())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
