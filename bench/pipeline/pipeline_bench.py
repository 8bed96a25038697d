#!/usr/bin/python3
"""Pipeline benchmark: SynthGate between DCMTK storescu and a real Orthanc, with an OpenAI-shaped
generator stub of fixed latency. Two measurements per image size:

1. Processing time per image, excluding the generator: the stub answers at once, one job and one
   generator slot at a time; the wall time from "study complete" to the last synthetic object stored
   in Orthanc, divided by the images, is de-identify + decode + render + mask + (PNG round trip) +
   composite + wrap + encode + export.
2. Overhead beyond generator time: the stub takes LATENCY seconds per call, with 4 generator slots and
   4 jobs in parallel. A job generates its images one after another, so STUDIES x IMAGES images need
   ceil(STUDIES / 4) x IMAGES x LATENCY seconds of generator time at best; the end-to-end latency from the moment the studies are complete (their last C-STORE
   done) to the last synthetic object in Orthanc is compared with that.

    pipeline_bench.py ROOT JAR WORK OUT [STUDIES] [IMAGES] [LATENCY]
"""
import math
import os
import secrets
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchnet import await_port, port  # noqa: E402
from benchsynthgate import (api, await_instances, gateway_properties, make, orthanc, processes, send, start,  # noqa: E402
                            study_uid, stub_generator)

root, jar, work, out = sys.argv[1:5]
studies = int(sys.argv[5]) if len(sys.argv) > 5 else 8
images = int(sys.argv[6]) if len(sys.argv) > 6 else 4
latency = float(sys.argv[7]) if len(sys.argv) > 7 else 2.0
SLOTS = 4


def cpu_model():
    """The first "model name" line of /proc/cpuinfo, without its key and tab."""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def run(name, rows, cols, stub_latency, slots, parallel_jobs, first_study, count_studies):
    dicom, web = port(), port()
    folder = os.path.join(work, "run-%s" % name)
    os.makedirs(folder, exist_ok=True)
    first = len(processes)
    orthanc_dicom, orthanc_http = orthanc(folder)
    stub = stub_generator(root, stub_latency)
    gateway = os.path.join(folder, "gateway")
    os.makedirs(gateway, exist_ok=True)
    props = gateway_properties(root, web, dicom, orthanc_dicom, stub, slots)
    props.update({
        "synthgate.pipeline.concurrency": parallel_jobs,
        # Twice the generator slots, so the next images are prepared while the slots are busy;
        # IMAGE_WORKERS overrides it (fewer workers bound the memory of a large study).
        "synthgate.pipeline.image-concurrency": int(os.environ.get("IMAGE_WORKERS", 2 * slots)),
        "synthgate.database.password": secrets.token_urlsafe(12),
    })
    synthgate = start(["java"] + os.environ.get("SYNTHGATE_JVM_OPTIONS", "").split()
                      + ["-D%s=%s" % kv for kv in props.items()] + ["-jar", jar], cwd=gateway, log=gateway + "/gateway.log")
    for p in (orthanc_dicom, stub, dicom, web):
        await_port(p)
    time.sleep(2)
    base = "http://127.0.0.1:%d" % web

    def send_and_complete(folders, numbers):
        send(dicom, folders)
        t0 = time.time()
        for n in numbers:
            api(base + "/api/studies/%s/complete" % study_uid(rows, cols, n), "POST")
        return t0

    # Warm-up: one study through the whole pipeline, not counted.
    warm = make(root, work, rows, cols, images, 900, 1)
    t0 = send_and_complete(warm, [900])
    await_instances(orthanc_http, images)
    folders = make(root, work, rows, cols, images, first_study, count_studies)
    # What earlier runs and the warm-up left for the disk to write is written now, not during this run.
    os.sync()
    t0 = send_and_complete(folders, range(first_study, first_study + count_studies))
    t1 = await_instances(orthanc_http, images + count_studies * images)
    calls = api(base + "/api/generator-calls?limit=1000")
    measured = sorted(calls, key=lambda c: c["calledAt"])[images:]
    per_call = sum(c["latencyMillis"] for c in measured) / max(1, len(measured)) / 1000
    with open("/proc/%d/status" % synthgate.pid) as status:
        rss = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM"))
    started = processes[first:]
    for p in started:
        p.terminate()
    for p in started:
        p.wait()
    return t1 - t0, rss, per_call


results = []
sizes = [("512x512", 512, 512), ("2048x2500", 2048, 2500)]
# ONLY=2048x2500 measures one size; SYNTHGATE_JVM_OPTIONS (e.g. -Xmx512m) goes to the gateway's JVM;
# IMAGE_WORKERS sets synthgate.pipeline.image-concurrency for the loaded run; ROUNDS (default 3) is how
# many times each size is measured, each round with a fresh gateway and Orthanc: the table gives medians.
rounds = int(os.environ.get("ROUNDS", 3))
for label, rows, cols in [size for size in sizes if os.environ.get("ONLY", size[0]) == size[0]]:
    n = studies * images
    # 4 slots make 4 images at a time.
    ideal = math.ceil(studies / SLOTS) * images * latency
    serials, loadeds, rsss, calls = [], [], [], []
    for r in range(rounds):
        serial, _, _ = run("serial-%s-%d" % (label, r), rows, cols, 0, 1, 1, 100, studies)
        loaded, rss, per_call = run("loaded-%s-%d" % (label, r), rows, cols, latency, SLOTS, SLOTS, 200, studies)
        serials.append(serial)
        loadeds.append(loaded)
        rsss.append(rss)
        calls.append(per_call)
    serial, loaded = statistics.median(serials), statistics.median(loadeds)
    results.append((label, n, serial, serial / n, loaded, ideal, max(rsss), statistics.median(calls),
                    ", ".join("%+.1f%%" % (100 * (x - ideal) / ideal) for x in loadeds)))

with open(out, "w") as f:
    f.write("# Pipeline benchmark, %s\n\n" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    f.write("Machine: %d cores, %s. SynthGate (shipped experiment `inpaint`, mask 20%% x 20%%) between DCMTK "
            "storescu and a real Orthanc; the generator is `bench/pipeline/stub_generator.py`, an OpenAI-Images-shaped "
            "stub answering one 1024x1024 PNG, with TCP_NODELAY like every peer. %d studies x %d images of each size, 16-bit; one warm-up study first, then a sync, so that "
            "nothing earlier is still being written to the disk during the measured run.\n\n"
            % (os.cpu_count(), cpu_model(),
               studies, images))
    f.write("| image size | images | processing per image, generator excluded (ms) | end-to-end with %.0f s generator, %d slots (s) "
            "| generator time at best (s) | overhead beyond generator time | generator call as SynthGate saw it (s) "
            "| peak RSS (MB) | overhead, every round |\n|---|---|---|---|---|---|---|---|---|\n" % (latency, SLOTS))
    for label, n, serial, per_image, loaded, ideal, rss, per_call, every in results:
        f.write("| %s | %d | %.0f | %.2f | %.1f | %+.1f%% | %.3f | %d | %s |\n" % (
            label, n, per_image * 1000, loaded, ideal, 100 * (loaded - ideal) / ideal, per_call, rss, every))
    f.write("\nMedians of %d rounds, each with a fresh gateway and Orthanc; peak RSS is the highest of them.\n" % rounds)
    f.write("\nProcessing per image: the stub answers at once; one job and one generator slot at a time; wall time "
            "from \"study complete\" to the last synthetic object stored in Orthanc, over the images. It includes "
            "de-identification, decoding, rendering to 8 bits and PNG, the HTTP round trip, PNG decoding, scaling "
            "back, compositing, fidelity metrics, wrapping, the spool commit and the C-STORE to Orthanc.\n\n"
            "End-to-end: the stub takes %.0f s per call; 4 generator slots, 4 jobs in parallel, %s image workers; from the "
            "moment every study is complete (after its last C-STORE) to the last synthetic object in Orthanc. The "
            "generator call column is the mean latency SynthGate measured per call (stub time plus HTTP, PNG upload "
            "and download).\n" % (latency, os.environ.get("IMAGE_WORKERS", 2 * SLOTS)))
    if os.environ.get("SYNTHGATE_JVM_OPTIONS"):
        f.write("\nGateway JVM options: `%s`.\n" % os.environ["SYNTHGATE_JVM_OPTIONS"])
print(open(out).read())
