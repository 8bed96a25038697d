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
import base64
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchnet import await_port, port  # noqa: E402

root, jar, work, out = sys.argv[1:5]
studies = int(sys.argv[5]) if len(sys.argv) > 5 else 16
images = int(sys.argv[6]) if len(sys.argv) > 6 else 4
latency = float(sys.argv[7]) if len(sys.argv) > 7 else 1.0
ROWS = COLS = 512
SLOTS = 2
ADMIN = ("bench", secrets.token_urlsafe(18))
DB_PASSWORD = secrets.token_urlsafe(18)
processes = []


def http(url, method="GET", raw=False):
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None,
                                     headers={"Authorization": "Basic " + base64.b64encode(
                                         ("%s:%s" % ADMIN).encode()).decode(),
                                         # not urllib's default form type, which the pages' CSRF guard refuses
                                         "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return body.decode() if raw else json.loads(body or b"null")
    except urllib.error.HTTPError as e:
        raise SystemExit("%s %s answered %d: %s" % (method, url, e.code, e.read().decode(errors="replace")))


def start(command, cwd=None, log=None, env=None):
    process = subprocess.Popen(command, cwd=cwd, stdout=open(log or os.devnull, "w"), stderr=subprocess.STDOUT,
                               env=env)
    processes.append(process)
    return process


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


def make(first_study, number):
    folders = []
    for study in range(first_study, first_study + number):
        folder = os.path.join(work, "data", "%d" % study)
        if not os.path.isdir(folder):
            os.makedirs(folder + ".part")
            subprocess.run(["/usr/bin/python3", os.path.join(root, "bench/ingest/make_instances.py"), folder + ".part",
                            str(images), str(ROWS), str(COLS), str(study)], check=True)
            os.rename(folder + ".part", folder)
        folders.append(folder)
    return folders


def study_uid(study):
    return "1.2.826.0.1.3680043.8.498.77.%d.%d.%d" % (ROWS, COLS, study)


def claim_seconds(base):
    """Seconds spent in claim statements and how many there were, from the gateway's /q/metrics."""
    text = http(base + "/q/metrics", raw=True)
    total = sum(float(v) for v in re.findall(r'^synthgate_job_claims_seconds_sum\{[^}]*\} (\S+)$', text, re.M))
    count = sum(float(v) for v in re.findall(r'^synthgate_job_claims_seconds_count\{[^}]*\} (\S+)$', text, re.M))
    return total, count


def run(name, replicas, stub_latency, pg_port, first_study):
    folder = os.path.join(work, "run-%s" % name)
    os.makedirs(folder)
    database = "bench_" + re.sub(r"\W", "_", name)
    sql("postgres", pg_port, "CREATE DATABASE %s OWNER synthgate" % database)
    orthanc_dicom, orthanc_http, stub = port(), port(), port()
    with open(folder + "/orthanc.json", "w") as f:
        json.dump({"Name": "bench", "StorageDirectory": folder + "/orthanc", "IndexDirectory": folder + "/orthanc",
                   "HttpPort": orthanc_http, "DicomPort": orthanc_dicom, "DicomAet": "ORTHANC",
                   "RemoteAccessAllowed": False, "AuthenticationEnabled": False}, f)
    started = [start(["Orthanc", folder + "/orthanc.json"]),
               start(["/usr/bin/python3", os.path.join(root, "bench/pipeline/stub_generator.py"), str(stub),
                      str(stub_latency)])]
    gateways = []
    for r in range(replicas):
        web, dicom = port(), port()
        gateway = os.path.join(folder, "gateway-%d" % r)
        os.makedirs(gateway)
        props = {
            "quarkus.http.port": web, "synthgate.dicom.port": dicom, "synthgate.replica.name": "replica-%d" % r,
            "camel.main.routes-include-pattern": "file:%s/camel-routes/*.yaml" % root,
            "synthgate.spool.dir": folder + "/spool",
            "synthgate.destinations.research.port": orthanc_dicom, "synthgate.study.idle-timeout": "1h",
            "synthgate.pipeline.concurrency": SLOTS, "synthgate.pipeline.image-concurrency": 2 * SLOTS,
            "synthgate.generator.stub.type": "openai",
            "synthgate.generator.stub.base-url": "http://127.0.0.1:%d/v1" % stub,
            "synthgate.generator.stub.model": "stub-fixed-latency", "synthgate.generator.stub.concurrency": SLOTS,
            "synthgate.experiments.inpaint.generator": "stub",
            "quarkus.security.users.embedded.plain-text": "true",
            "quarkus.security.users.embedded.users." + ADMIN[0]: ADMIN[1],
            "quarkus.security.users.embedded.roles." + ADMIN[0]: "admin",
        }
        env = dict(os.environ, SYNTHGATE_DB_URL="jdbc:postgresql://127.0.0.1:%d/%s" % (pg_port, database),
                   SYNTHGATE_DB_USER="synthgate", SYNTHGATE_DB_PASSWORD=DB_PASSWORD)
        started.append(start(["java"] + ["-D%s=%s" % kv for kv in props.items()] + ["-jar", jar], cwd=gateway,
                             log=gateway + "/gateway.log", env=env))
        gateways.append((dicom, "http://127.0.0.1:%d" % web, web))
        # one at a time: the first creates the schema
        await_port(web)
        await_port(dicom)
    await_port(orthanc_dicom)
    await_port(stub)
    time.sleep(2)

    def send(gateway, folders):
        for f in folders:
            subprocess.run(["storescu", "-aec", "SYNTHGATE", "-aet", "BENCH", "127.0.0.1", str(gateway[0])]
                           + sorted(os.path.join(f, x) for x in os.listdir(f) if x.endswith(".dcm")), check=True,
                           env=dict(os.environ, TCP_NODELAY="1"), stdout=subprocess.DEVNULL)

    def await_instances(expected):
        while True:
            if http("http://127.0.0.1:%d/statistics" % orthanc_http)["CountInstances"] >= expected:
                return time.time()
            time.sleep(0.05)

    # Warm-up: one study through each replica, not counted.
    warm = make(900 + first_study, replicas)
    for gateway, f, n in zip(gateways, warm, range(900 + first_study, 900 + first_study + replicas)):
        send(gateway, [f])
        http(gateway[1] + "/api/studies/%s/complete" % study_uid(n), "POST")
    await_instances(replicas * images)
    before = [claim_seconds(g[1]) for g in gateways]
    folders = make(first_study, studies)
    numbers = list(range(first_study, first_study + studies))
    share = [(gateways[i % replicas], folders[i], numbers[i]) for i in range(studies)]
    for gateway, f, _ in share:
        send(gateway, [f])
    os.sync()
    t0 = time.time()
    for gateway, _, n in share:
        http(gateway[1] + "/api/studies/%s/complete" % study_uid(n), "POST")
    t1 = await_instances((replicas + studies) * images)
    after = [claim_seconds(g[1]) for g in gateways]
    claims = sum(a[0] - b[0] for a, b in zip(after, before))
    statements = sum(a[1] - b[1] for a, b in zip(after, before))
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
