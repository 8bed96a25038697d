"""What the pipeline and replicas benchmarks share: their generated studies, the processes they start
(Orthanc, the generator stub, gateways), SynthGate's API as the bench's own admin, sending studies and
waiting for their synthetic objects in Orthanc."""
import base64
import json
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request

from benchnet import port

# The bench's own admin, for this run only (plain text: it never leaves the temporary folder).
ADMIN = ("bench", secrets.token_urlsafe(18))
processes = []


def api(url, method="GET", raw=False):
    """GET or POST (empty body) as the bench's admin: JSON, or the text when raw; a failure stops the bench."""
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


def make(root, work, rows, cols, images, first_study, number):
    """Folders of `number` studies from `first_study` on; each is generated once and reused by every round."""
    folders = []
    for study in range(first_study, first_study + number):
        folder = os.path.join(work, "data", "%dx%d-%d-%d" % (rows, cols, images, study))
        if not os.path.isdir(folder):
            os.makedirs(folder + ".part")
            subprocess.run(["/usr/bin/python3", os.path.join(root, "bench/ingest/make_instances.py"), folder + ".part",
                            str(images), str(rows), str(cols), str(study)], check=True)
            os.rename(folder + ".part", folder)
        folders.append(folder)
    return folders


def study_uid(rows, cols, study):
    return "1.2.826.0.1.3680043.8.498.77.%d.%d.%d" % (rows, cols, study)


def orthanc(folder):
    """A research Orthanc of the run's own in `folder`; returns its DICOM and HTTP ports."""
    dicom, web = port(), port()
    with open(folder + "/orthanc.json", "w") as f:
        json.dump({"Name": "bench", "StorageDirectory": folder + "/orthanc", "IndexDirectory": folder + "/orthanc",
                   "HttpPort": web, "DicomPort": dicom, "DicomAet": "ORTHANC",
                   "RemoteAccessAllowed": False, "AuthenticationEnabled": False}, f)
    start(["Orthanc", folder + "/orthanc.json"])
    return dicom, web


def stub_generator(root, latency):
    """bench/pipeline/stub_generator.py answering after `latency` seconds; returns its port."""
    stub = port()
    start(["/usr/bin/python3", os.path.join(root, "bench/pipeline/stub_generator.py"), str(stub), str(latency)])
    return stub


def gateway_properties(root, web, dicom, orthanc_dicom, stub, slots):
    """A gateway exporting to the run's Orthanc through the shipped `inpaint` experiment and the stub, with
    `slots` generator slots, a one-hour idle timeout (studies complete when the bench says so) and the
    bench's admin."""
    return {
        "quarkus.http.port": web, "synthgate.dicom.port": dicom,
        "camel.main.routes-include-pattern": "file:%s/camel-routes/*.yaml" % root,
        "synthgate.destinations.research.port": orthanc_dicom, "synthgate.study.idle-timeout": "1h",
        "synthgate.generator.stub.type": "openai", "synthgate.generator.stub.base-url": "http://127.0.0.1:%d/v1" % stub,
        "synthgate.generator.stub.model": "stub-fixed-latency", "synthgate.generator.stub.concurrency": slots,
        "synthgate.experiments.inpaint.generator": "stub",
        "quarkus.security.users.embedded.plain-text": "true",
        "quarkus.security.users.embedded.users." + ADMIN[0]: ADMIN[1],
        "quarkus.security.users.embedded.roles." + ADMIN[0]: "admin",
    }


def send(dicom, folders):
    """Each folder's instances on one association of DCMTK storescu, TCP_NODELAY like every peer."""
    for f in folders:
        subprocess.run(["storescu", "-aec", "SYNTHGATE", "-aet", "BENCH", "127.0.0.1", str(dicom)]
                       + sorted(os.path.join(f, x) for x in os.listdir(f) if x.endswith(".dcm")), check=True,
                       env=dict(os.environ, TCP_NODELAY="1"), stdout=subprocess.DEVNULL)


def await_instances(orthanc_http, expected):
    """Returns the time at which Orthanc holds `expected` instances."""
    while True:
        if api("http://127.0.0.1:%d/statistics" % orthanc_http)["CountInstances"] >= expected:
            return time.time()
        time.sleep(0.05)
