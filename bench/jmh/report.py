"""Turns JMH's JSON result into the markdown table bench/results keeps: time and allocation per image."""
import json
import os
import platform
import sys
import time

STAGES = {
    "httpGeneratorRoundTrip": "HTTP generator round trip, provider excluded: decode, mask, render to a 1024x1024 "
                              "8-bit PNG (image and mask), PNG decode, inverse to the source grid and bit depth, "
                              "composite, fidelity, wrap and write",
    "builtinRoundTrip": "built-in generator round trip: decode, mask, inpaint (biharmonic + texture), composite, "
                        "fidelity, wrap and write",
    "stageDecode": "stage: decode the de-identified object",
    "stageMask": "stage: rasterise the mask",
    "stageRenderToGeneratorSpace": "stage: window, render to a 1024x1024 8-bit PNG",
    "stageInverseAndComposite": "stage: PNG decode, inverse to the source grid, composite",
    "stageBuiltinInpaint": "stage: built-in inpainter alone",
    "stageWrapAndEncode": "stage: fidelity, wrap as a synthetic Secondary Capture, write to the spool (no fsync)",
}


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def main(result_path, table_path):
    results = json.load(open(result_path))
    rows = []
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        size = r["params"]["size"]
        primary = r["primaryMetric"]
        alloc = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
        rows.append((name, size, primary["score"], primary["scoreError"], alloc))
    order = list(STAGES)
    rows.sort(key=lambda row: (order.index(row[0]) if row[0] in order else len(order), row[1] != "512x512"))
    jvm = results[0]
    with open(table_path, "w") as f:
        f.write("# Pixel pipeline (JMH), %s\n\n" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
        f.write("Machine: %d cores, %s, %s. JVM %s (%s), %s; %d warm-up and %d measured iterations of %s, "
                "one fork. Written by `bench/jmh/run`.\n\n"
                % (os.cpu_count(), cpu_model(), platform.platform(), jvm["jdkVersion"], jvm["vmName"],
                   " ".join(jvm["jvmArgs"]), jvm["warmupIterations"], jvm["measurementIterations"],
                   jvm["measurementTime"]))
        f.write("Images: reproducible 16-bit DX radiographs (`BenchImages`: soft tissue, two bone shafts, "
                "signal-dependent noise), mask `rectangle 40% 40% 20% 20%` (4% of the image).\n\n")
        f.write("| benchmark | image | ms per image | ± (99.9%) | MB allocated per image |\n|---|---|---|---|---|\n")
        for name, size, score, error, alloc in rows:
            f.write("| %s | %s | %.2f | %.2f | %s |\n" % (STAGES.get(name, name), size, score, error,
                                                       "" if alloc is None else "%.1f" % (alloc / 1e6)))
    print(open(table_path).read())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
