"""Ports for the benchmarks' processes: a free one, and waiting until something listens on one."""
import socket
import time


def port():
    """A TCP port free on the loopback interface now."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def await_port(p, timeout=120):
    """Returns once something accepts connections on port p; gives up after timeout seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", p), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("nothing listens on %d" % p)
