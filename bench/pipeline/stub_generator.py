#!/usr/bin/python3
"""An OpenAI-Images-shaped generator that answers every POST after a fixed latency with one flat
1024x1024 PNG, for measuring SynthGate's overhead beyond generator time.

    stub_generator.py PORT LATENCY_SECONDS
"""
import base64
import http.server
import json
import socketserver
import struct
import sys
import time
import zlib


def png(width, height, gray):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\0" + bytes([gray]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


ANSWER = json.dumps({"created": 0, "data": [{"b64_json": base64.b64encode(png(1024, 1024, 128)).decode()}]}).encode()
LATENCY = float(sys.argv[2])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body waits for the client's delayed
    # ACK (40 ms on Linux) on every call. Servers that generators run on (uvicorn, Triton) set
    # TCP_NODELAY, as the benchmark does for every DCMTK and Orthanc process.
    disable_nagle_algorithm = True

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(LATENCY)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(ANSWER)))
        self.send_header("x-request-id", "stub")
        self.end_headers()
        self.wfile.write(ANSWER)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
