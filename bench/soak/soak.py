#!/usr/bin/python3
"""Soak drill: SynthGate between DCMTK storescu senders and a real Orthanc, through hostile
connections, a research PACS outage, a full spool and two SIGKILLs. Prints and writes a markdown table.

    soak.py ROOT JAR WORK REPORT

Environment: SENDERS (8), STUDIES per sender (3), IMAGES per study (10), OUTAGE seconds (180).
"""
import base64
import json
import os
import secrets
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchnet import await_port, port  # noqa: E402

root, jar, work, report = sys.argv[1:5]
SENDERS = int(os.environ.get("SENDERS", 8))
STUDIES = int(os.environ.get("STUDIES", 3))
IMAGES = int(os.environ.get("IMAGES", 10))
OUTAGE = int(os.environ.get("OUTAGE", 180))
# Each sender spreads its instances over the whole drill, so every event finds ingest under way.
PACE = (15 + OUTAGE) / float(STUDIES * IMAGES)
ADMIN = ("soak", secrets.token_urlsafe(18))
processes = []
events = []
start_time = time.time()


def log(text):
    line = "%6.1f s  %s" % (time.time() - start_time, text)
    events.append(line)
    print(line, flush=True)


def http(url):
    request = urllib.request.Request(url, headers={"Authorization": "Basic " + base64.b64encode(
        ("%s:%s" % ADMIN).encode()).decode()})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


orthanc_dicom, orthanc_http, dicom, web = port(), port(), port(), port()
os.makedirs(work + "/orthanc", exist_ok=True)
with open(work + "/orthanc.json", "w") as f:
    json.dump({"Name": "soak", "StorageDirectory": work + "/orthanc", "IndexDirectory": work + "/orthanc",
               "HttpPort": orthanc_http, "DicomPort": orthanc_dicom, "DicomAet": "ORTHANC",
               "RemoteAccessAllowed": False, "AuthenticationEnabled": False}, f)
gateway_dir = work + "/gateway"
os.makedirs(gateway_dir + "/data/spool", exist_ok=True)
free_at_start = os.statvfs(gateway_dir).f_bavail * os.statvfs(gateway_dir).f_frsize
# The floors sit just below today's free space, so the drill can fill the spool to its reserve with a
# file of a few hundred megabytes instead of the whole disk.
MIN_FREE = free_at_start - 700 * 2**20
RESERVE = 200 * 2**20
props = {
    "quarkus.http.port": web, "synthgate.dicom.port": dicom,
    "synthgate.dicom.allowed-callers": "*@127.0.0.1,*@127.0.0.3",
    "camel.main.routes-include-pattern": "file:%s/camel-routes/*.yaml" % root,
    "synthgate.destinations.research.port": orthanc_dicom, "synthgate.study.idle-timeout": "5s",
    "synthgate.spool.min-free-space": "%dM" % (MIN_FREE // 2**20),
    "synthgate.spool.pipeline-reserve": "%dM" % (RESERVE // 2**20),
    "synthgate.export.watch-interval": "5s", "synthgate.export.watch-max-interval": "20s",
    "synthgate.database.password": secrets.token_urlsafe(12),
    "quarkus.security.users.embedded.plain-text": "true",
    "quarkus.security.users.embedded.users." + ADMIN[0]: ADMIN[1],
    "quarkus.security.users.embedded.roles." + ADMIN[0]: "admin",
}
gateway = {"process": None, "up": False}


def start_gateway():
    gateway["process"] = subprocess.Popen(["java", "-Xmx768m"] + ["-D%s=%s" % kv for kv in props.items()]
                                          + ["-jar", jar], cwd=gateway_dir,
                                          stdout=open(gateway_dir + "/gateway.log", "a"), stderr=subprocess.STDOUT)
    await_port(dicom)
    await_port(web)
    gateway["up"] = True


def kill_gateway():
    gateway["up"] = False
    gateway["process"].kill()
    gateway["process"].wait()


def start_orthanc():
    process = subprocess.Popen(["Orthanc", work + "/orthanc.json"], stdout=open(work + "/orthanc.log", "a"),
                               stderr=subprocess.STDOUT)
    await_port(orthanc_http)
    return process


# --- data: SENDERS x STUDIES studies of IMAGES 512x512 16-bit images each
folders = []
for sender in range(SENDERS):
    for study in range(STUDIES):
        number = 7000 + sender * 100 + study
        folder = "%s/data/%d" % (work, number)
        os.makedirs(folder)
        subprocess.run(["/usr/bin/python3", root + "/bench/ingest/make_instances.py", folder, str(IMAGES), "512", "512",
                        str(number)], check=True)
        folders.append((sender, number, folder))
study_uids = ["1.2.826.0.1.3680043.8.498.77.512.512.%d" % number for _, number, _ in folders]

orthanc = start_orthanc()
start_gateway()
log("gateway and Orthanc up; spool floors: min-free-space %d MiB, reserve %d MiB" % (MIN_FREE // 2**20, RESERVE // 2**20))
stop = threading.Event()
acknowledged = [0] * SENDERS
refused = [0] * SENDERS


def send(sender):
    """One sender: each instance on its own association, again until SynthGate acknowledges it."""
    for s, _, folder in folders:
        if s != sender:
            continue
        for name in sorted(os.listdir(folder)):
            while True:
                done = subprocess.run(["storescu", "-v", "-aec", "SYNTHGATE", "-aet", "SENDER%d" % sender, "127.0.0.1",
                                       str(dicom), os.path.join(folder, name)], capture_output=True, text=True,
                                      env=dict(os.environ, TCP_NODELAY="1"))
                if "Received Store Response (Success)" in done.stdout + done.stderr:
                    acknowledged[sender] += 1
                    break
                refused[sender] += 1
                time.sleep(0.5)
            time.sleep(PACE)


def silent_connections():
    """60 connections from 127.0.0.3 that never speak, reopened as SynthGate closes them."""
    sockets = []
    while not stop.is_set():
        sockets = [s for s in sockets if s.fileno() >= 0]
        while len(sockets) < 60 and not stop.is_set():
            try:
                s = socket.socket()
                s.bind(("127.0.0.3", 0))
                s.settimeout(0.5)
                s.connect(("127.0.0.1", dicom))
                sockets.append(s)
            except OSError:
                time.sleep(0.2)
                break
        time.sleep(1)
        for s in list(sockets):
            try:
                s.setblocking(False)
                if s.recv(1) == b"":
                    s.close()
            except BlockingIOError:
                pass
            except OSError:
                s.close()
    for s in sockets:
        s.close()


def associate_request():
    def item(t, body):
        return struct.pack(">BBH", t, 0, len(body)) + body
    body = struct.pack(">HH", 1, 0) + b"SYNTHGATE".ljust(16) + b"TRICKLE".ljust(16) + b"\0" * 32
    body += item(0x10, b"1.2.840.10008.3.1.1.1")
    body += item(0x20, bytes([1, 0, 0, 0]) + item(0x30, b"1.2.840.10008.5.1.4.1.1.7") + item(0x40, b"1.2.840.10008.1.2.1"))
    body += item(0x50, item(0x51, struct.pack(">I", 16384)))
    return struct.pack(">BBI", 1, 0, len(body)) + body


def trickler():
    """An association that announces a 16 KB PDU, then sends one byte every 2 s: slowloris for DICOM."""
    while not stop.is_set():
        try:
            s = socket.socket()
            s.bind(("127.0.0.3", 0))
            s.connect(("127.0.0.1", dicom))
            s.sendall(associate_request())
            s.recv(4096)
            s.sendall(struct.pack(">BBI", 4, 0, 16000))
            while not stop.is_set():
                s.sendall(b"\0")
                time.sleep(2)
        except OSError:
            time.sleep(1)


waits = []
echo_failures = []


def normal_caller():
    """echoscu every second: how long a normal caller waits, while the gateway runs."""
    while not stop.is_set():
        if gateway["up"]:
            t0 = time.time()
            done = subprocess.run(["echoscu", "-to", "30", "-aec", "SYNTHGATE", "127.0.0.1", str(dicom)],
                                  capture_output=True, env=dict(os.environ, TCP_NODELAY="1"))
            took = time.time() - t0
            if gateway["up"]:
                (waits if done.returncode == 0 else echo_failures).append(took)
        time.sleep(1)


threads = [threading.Thread(target=send, args=(i,)) for i in range(SENDERS)]
helpers = [threading.Thread(target=silent_connections, daemon=True), threading.Thread(target=normal_caller, daemon=True)]
helpers += [threading.Thread(target=trickler, daemon=True) for _ in range(4)]
for t in threads + helpers:
    t.start()

filler = gateway_dir + "/data/filler"
schedule = [(15, "stop the research PACS"), (30, "fill the spool"), (45, "kill -9 the gateway"),
            (75, "free the spool"), (110, "kill -9 the gateway"), (15 + OUTAGE, "restart the research PACS")]
for at, action in schedule:
    time.sleep(max(0, at - (time.time() - start_time)))
    log(action)
    if action == "stop the research PACS":
        orthanc.terminate()
        orthanc.wait()
    elif action == "restart the research PACS":
        orthanc = start_orthanc()
    elif action == "fill the spool":
        st = os.statvfs(gateway_dir)
        free = st.f_bavail * st.f_frsize
        size = free - MIN_FREE - RESERVE // 2
        with open(filler, "wb") as f:
            f.truncate(0)
            chunk = b"\0" * 2**20
            for _ in range(max(0, size // 2**20)):
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        log("spool filled: %d MiB written, %d MiB free" % (size // 2**20, os.statvfs(gateway_dir).f_bavail
                                                          * os.statvfs(gateway_dir).f_frsize // 2**20))
    elif action == "free the spool":
        os.remove(filler)
    else:
        kill_gateway()
        start_gateway()
        log("gateway restarted")

for t in threads:
    t.join()
log("every sender done")
total = sum(acknowledged)
deadline = time.time() + 600
exported = 0
while time.time() < deadline:
    exported = 0
    for uid in study_uids:
        try:
            for job in http("http://127.0.0.1:%d/api/studies/%s" % (web, uid))["jobs"]:
                outputs = http("http://127.0.0.1:%d/api/jobs/%s" % (web, job["id"]))["outputs"]
                exported += sum(1 for o in outputs if o["state"] == "EXPORTED")
        except Exception:
            pass
    if exported >= total:
        break
    time.sleep(5)
log("exports settled: %d of %d" % (exported, total))
stop.set()
stored = 0
failed_jobs = 0
for uid in study_uids:
    detail = http("http://127.0.0.1:%d/api/studies/%s" % (web, uid))
    stored += detail["study"]["instanceCount"]
    failed_jobs += sum(1 for job in detail["jobs"] if job["state"] == "FAILED")
in_pacs = json.loads(urllib.request.urlopen("http://127.0.0.1:%d/statistics" % orthanc_http).read())["CountInstances"]
duplicated = max(0, in_pacs - exported) + max(0, stored - total)
lost = max(0, total - stored) + max(0, total - exported)
kill_gateway()
orthanc.terminate()

rows = [("instances acknowledged to the senders", total), ("C-STOREs refused and sent again (0xA700, gateway down)",
                                                             sum(refused)),
        ("instances stored (gateway's records)", stored), ("synthetic objects exported", exported),
        ("synthetic objects in the research PACS", in_pacs), ("jobs FAILED", failed_jobs),
        ("duplicated", duplicated), ("lost", lost),
        ("longest wait of a normal caller (C-ECHO), s", "%.2f" % max(waits or [0])),
        ("normal C-ECHOs answered / failed while the gateway ran", "%d / %d" % (len(waits), len(echo_failures)))]
with open(os.path.join(root, report), "w") as out:
    out.write("# Soak drill, %s\n\n" % time.strftime("%Y-%m-%d"))
    out.write("`bench/soak/run`: %d senders (DCMTK storescu, one association per instance, each resent until "
              "acknowledged, spread over the whole drill) x %d studies x %d images of 512x512; at the same time 60 silent connections and 4 "
              "associations trickling one byte every 2 s from another host, a C-ECHO every second; the research "
              "PACS (Orthanc) stopped for %d s, the spool filled to its reserve for 45 s and freed, the gateway "
              "killed with SIGKILL twice and restarted. Heap 768 MB; retention and every other setting at their "
              "defaults.\n\n" % (SENDERS, STUDIES, IMAGES, OUTAGE))
    out.write("| measure | value |\n|---|---|\n")
    for name, value in rows:
        out.write("| %s | %s |\n" % (name, value))
    out.write("\nTimeline:\n\n```\n%s\n```\n" % "\n".join(events))
print(open(os.path.join(root, report)).read())
sys.exit(0 if lost == 0 and duplicated == 0 else 1)
