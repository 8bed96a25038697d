#!/usr/bin/python3
"""Turns the ingest benchmark's rows (set|associations|receiver|round|instances|seconds|instances/s|
MB/s|peak RSS MB, one per line on stdin) into its markdown tables: medians over the rounds per
receiver, then SynthGate's ratios to storescp and Orthanc."""
import statistics
import sys

rows = [line.strip().split("|") for line in sys.stdin if line.strip()]
groups = {}
for s, n, peer, rnd, count, sec, ips, mbs, rss in rows:
    groups.setdefault((s, n, peer), []).append((int(rnd), int(count), float(sec), float(ips), float(mbs), rss))

print("| set | associations | receiver | instances | median instances/s | median MB/s | instances/s per round | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|")
medians = {}
for (s, n, peer), runs in groups.items():
    ips = statistics.median(r[3] for r in runs)
    medians[(s, n, peer)] = ips
    rss = max((int(r[5]) for r in runs if r[5]), default=None)
    print("| %s | %s | %s | %d | %.1f | %.1f | %s | %s |" % (
        s, n, peer, runs[0][1], ips, statistics.median(r[4] for r in runs),
        ", ".join("%.0f" % r[3] for r in sorted(runs)), "" if rss is None else rss))
print()
print("Ratios (median instances/s of SynthGate with fsync over the peer's, same set and associations):")
print()
print("| set | associations | vs storescp | vs Orthanc |")
print("|---|---|---|---|")
for (s, n, peer), ips in medians.items():
    if peer == "synthgate-fsync":
        print("| %s | %s | %.2f | %.2f |" % (s, n, ips / medians[(s, n, "storescp")], ips / medians[(s, n, "orthanc")]))
