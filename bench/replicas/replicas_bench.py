#!/usr/bin/python3
"""Replicas benchmark: studies per minute through one SynthGate and through two replicas sharing one
PostgreSQL server and one spool folder, between DCMTK storescu and a real Orthanc, with the pipeline
benchmark's OpenAI-shaped generator stub; and what the job claims cost per job.

Two generator latencies: 0 s (the stub answers at once: the gateways' own work, CPU-bound) and
LATENCY seconds (generator-bound, each replica with SLOTS generator slots of its own, as replicas
calling a generator deployment that scales on its own). In each run the studies are sent (half to
each replica when there are two), then completed, each on the replica that received it; the time
runs from the completions to the last synthetic object in Orthanc. The claim overhead is
synthgate_job_claims_seconds (every claim, sweep, renew and release statement with its commit), summed
over the replicas and divided by the jobs.

    replicas_bench.py ROOT JAR WORK OUT [STUDIES] [IMAGES] [LATENCY]
"""
import os
import re
import secrets
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchnet import await_port, port  # noqa: E402
from benchsynthgate import (api, await_instances, gateway_properties, make, orthanc, processes, send, start,  # noqa: E402
                            study_uid, stub_generator)

root, jar, work, out = sys.argv[1:5]
studies = int(sys.argv[5]) if len(sys.argv) > 5 else 16
images = int(sys.argv[6]) if len(sys.argv) > 6 else 4
latency = float(sys.argv[7]) if len(sys.argv) > 7 else 1.0
ROWS = COLS = 512
SLOTS = 2
DB_PASSWORD = secrets.token_urlsafe(18)


def as_postgres(command, cwd):
    """Runs a PostgreSQL tool as the postgres user when the bench runs as root (initdb refuses root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(prefix + command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def postgresql():
    """A PostgreSQL 15 server of the bench's own in WORK/pg, with role synthgate; returns its port."""
    binaries = "/usr/lib/postgresql/15/bin"
    folder = os.path.join(work, "pg")
    os.makedirs(folder)
    with open(folder + "/password", "w") as f:
        f.write(DB_PASSWORD)
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "postgres", folder], check=True)
    as_postgres([binaries + "/initdb", "-D", folder + "/data", "-U", "postgres", "--auth=scram-sha-256",
                 "--pwfile=" + folder + "/password", "--no-sync", "--encoding=UTF8", "--locale=C"], folder)
    pg_port = port()
    as_postgres([binaries + "/pg_ctl", "-D", folder + "/data", "-w", "-l", folder + "/server.log", "-o",
                 "-p %d -k %s -c listen_addresses=127.0.0.1" % (pg_port, folder), "start"], folder)
    sql("postgres", pg_port, "CREATE ROLE synthgate LOGIN PASSWORD '%s'" % DB_PASSWORD)
    return pg_port


def stop_postgresql():
    folder = os.path.join(work, "pg")
    if os.path.isdir(folder + "/data"):
        as_postgres(["/usr/lib/postgresql/15/bin/pg_ctl", "-D", folder + "/data", "-m", "fast", "stop"], folder)


def sql(database, pg_port, statement):
    subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", database, "-q", "-c",
                    statement], check=True, env=dict(os.environ, PGPASSWORD=DB_PASSWORD), stdout=subprocess.DEVNULL)


def claim_seconds(base):
    """Seconds spent in claim statements and how many there were, from the gateway's /q/metrics."""
    text = api(base + "/q/metrics", raw=True)
    total = sum(float(v) for v in re.findall(r'^synthgate_job_claims_seconds_sum\{[^}]*\} (\S+)$', text, re.M))
    count = sum(float(v) for v in re.findall(r'^synthgate_job_claims_seconds_count\{[^}]*\} (\S+)$', text, re.M))
    return total, count


def run(name, replicas, stub_latency, pg_port, first_study):
    folder = os.path.join(work, "run-%s" % name)
    os.makedirs(folder)
    database = "bench_" + re.sub(r"\W", "_", name)
    sql("postgres", pg_port, "CREATE DATABASE %s OWNER synthgate" % database)
    first = len(processes)
    orthanc_dicom, orthanc_http = orthanc(folder)
    stub = stub_generator(root, stub_latency)
    gateways = []
    for r in range(replicas):
        web, dicom = port(), port()
        gateway = os.path.join(folder, "gateway-%d" % r)
        os.makedirs(gateway)
        props = gateway_properties(root, web, dicom, orthanc_dicom, stub, SLOTS)
        props.update({"synthgate.replica.name": "replica-%d" % r, "synthgate.spool.dir": folder + "/spool",
                      "synthgate.pipeline.concurrency": SLOTS, "synthgate.pipeline.image-concurrency": 2 * SLOTS})
        env = dict(os.environ, SYNTHGATE_DB_URL="jdbc:postgresql://127.0.0.1:%d/%s" % (pg_port, database),
                   SYNTHGATE_DB_USER="synthgate", SYNTHGATE_DB_PASSWORD=DB_PASSWORD)
        start(["java"] + ["-D%s=%s" % kv for kv in props.items()] + ["-jar", jar], cwd=gateway,
              log=gateway + "/gateway.log", env=env)
        gateways.append((dicom, "http://127.0.0.1:%d" % web))
        # one at a time: the first creates the schema
        await_port(web)
        await_port(dicom)
    await_port(orthanc_dicom)
    await_port(stub)
    time.sleep(2)

    # Warm-up: one study through each replica, not counted.
    warm = make(root, work, ROWS, COLS, images, 900 + first_study, replicas)
    for gateway, f, n in zip(gateways, warm, range(900 + first_study, 900 + first_study + replicas)):
        send(gateway[0], [f])
        api(gateway[1] + "/api/studies/%s/complete" % study_uid(ROWS, COLS, n), "POST")
    await_instances(orthanc_http, replicas * images)
    before = [claim_seconds(g[1]) for g in gateways]
    folders = make(root, work, ROWS, COLS, images, first_study, studies)
    numbers = list(range(first_study, first_study + studies))
    share = [(gateways[i % replicas], folders[i], numbers[i]) for i in range(studies)]
    for gateway, f, _ in share:
        send(gateway[0], [f])
    os.sync()
    t0 = time.time()
    for gateway, _, n in share:
        api(gateway[1] + "/api/studies/%s/complete" % study_uid(ROWS, COLS, n), "POST")
    t1 = await_instances(orthanc_http, (replicas + studies) * images)
    after = [claim_seconds(g[1]) for g in gateways]
    claims = sum(a[0] - b[0] for a, b in zip(after, before))
    statements = sum(a[1] - b[1] for a, b in zip(after, before))
    started = processes[first:]
    for p in started:
        p.terminate()
    for p in started:
        p.wait()
    return t1 - t0, claims, statements


rounds = int(os.environ.get("ROUNDS", 3))
rows = []
try:
    pg_port = postgresql()
    for stub_latency in (0.0, latency):
        per = {}
        for replicas in (1, 2):
            walls, claims, statements = [], [], []
            for r in range(rounds):
                wall, claim, count = run("%s-%d-%d" % (("%g" % stub_latency).replace(".", "_"), replicas, r), replicas,
                                         stub_latency, pg_port, 100 + 100 * r)
                walls.append(wall)
                claims.append(claim)
                statements.append(count)
            per[replicas] = (statistics.median(walls), statistics.median(claims), statistics.median(statements), walls)
        for replicas in (1, 2):
            wall, claim, count, walls = per[replicas]
            rows.append((stub_latency, replicas, wall, 60 * studies / wall, per[1][0] / wall, 1000 * claim / studies,
                         count / studies, ", ".join("%.1f" % w for w in walls)))
finally:
    for p in processes:
        if p.poll() is None:
            p.terminate()
    stop_postgresql()

with open(out, "w") as f:
    f.write("# Replicas benchmark, %s\n\n" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    f.write("Machine: %d cores. SynthGate's PostgreSQL build on a local PostgreSQL 15 server, one replica and two "
            "replicas sharing the database and one spool folder, between DCMTK storescu and a real Orthanc; the "
            "shipped experiment `inpaint` through `bench/pipeline/stub_generator.py` (OpenAI-shaped, one 1024x1024 "
            "PNG per call). %d studies x %d images of %dx%d, 16-bit; each replica runs %d jobs and %d generator "
            "slots, %d image workers; one warm-up study per replica first. Time from the studies' completion (each "
            "on the replica that received it) to the last synthetic object in Orthanc.\n\n"
            % (os.cpu_count(), studies, images, ROWS, COLS, SLOTS, SLOTS, 2 * SLOTS))
    f.write("| generator latency (s) | replicas | wall (s) | studies per minute | speed-up over one replica "
            "| claim statements per job | claim time per job (ms) | wall, every round (s) |\n"
            "|---|---|---|---|---|---|---|---|\n")
    for stub_latency, replicas, wall, per_minute, speedup, claim_ms, count, walls in rows:
        f.write("| %g | %d | %.1f | %.1f | %.2fx | %.1f | %.2f | %s |\n"
                % (stub_latency, replicas, wall, per_minute, speedup, count, claim_ms, walls))
    f.write("\nMedians of %d rounds, each with fresh gateways, database and Orthanc. Claim time is "
            "synthgate_job_claims_seconds summed over the replicas (claim, sweep, renew and release statements, "
            "each with its commit) over the jobs.\n" % rounds)
print(open(out).read())
