"""moto's server behind a small counting proxy, for tests/ecr.rs and
tests/ecr_clients.rs (started by tests/common/aws.rs).

Starts moto (PyPI moto[server]) on a free 127.0.0.1 port, and in front of it
a proxy on another free port that:
  - counts the ECR calls (GET /_hubint/count),
  - rewrites GetAuthorizationToken's expiresAt (moto always answers
    2015-01-01) to now + N seconds: POST /_hubint/expires/N,
  - answers like AWS does for bad keys or throttling instead of forwarding:
    POST /_hubint/mode/deny, /_hubint/mode/throttle, /_hubint/mode/pass.
With `--tls CERT KEY` it is also an HTTPS proxy (CONNECT) that answers
TLS with that certificate, so clients that cannot be pointed at another
endpoint (Debian's docker-credential-ecr-login) reach moto through
HTTPS_PROXY and AWS_CA_BUNDLE. With `--registry PORT` as well, a CONNECT to
any other host (an ECR registry host) is a TLS-terminated tunnel to the
plain-http registry on 127.0.0.1:PORT.
Prints "ready <proxy port> <moto port>" on stdout, then serves until stdin
closes (the test drops it).
"""

import http.server
import json
import socket
import ssl
import sys
import threading
import time
import urllib.request

from moto.server import ThreadedMotoServer

moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
moto.start()
_, moto_port = moto.get_host_and_port()

state = {"count": 0, "expires": None, "mode": "pass"}
lock = threading.Lock()


class Proxy(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, kind="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_CONNECT(self):
        if TLS is None:
            return self.reply(405, "{}")
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        self.connection = TLS.wrap_socket(self.connection, server_side=True)
        if REGISTRY and not self.path.startswith("api.ecr."):
            return self.tunnel()
        self.rfile = self.connection.makefile("rb")
        self.wfile = self.connection.makefile("wb")
        self.close_connection = False
        while not self.close_connection:
            self.handle_one_request()

    def tunnel(self):
        upstream = socket.create_connection(("127.0.0.1", REGISTRY))

        def pump(src, dst):
            try:
                while data := src.recv(65536):
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        back = threading.Thread(target=pump, args=(upstream, self.connection))
        back.start()
        pump(self.connection, upstream)
        back.join()
        self.close_connection = True

    def do_GET(self):
        if self.path == "/_hubint/count":
            with lock:
                return self.reply(200, str(state["count"]), "text/plain")
        self.reply(404, "{}")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path.startswith("/_hubint/"):
            _, _, what, value = self.path.split("/", 3)
            with lock:
                if what == "expires":
                    state["expires"] = None if value == "moto" else int(value)
                elif what == "mode":
                    state["mode"] = value
                elif what == "reset":
                    state["count"] = 0
            return self.reply(200, "{}")
        with lock:
            state["count"] += 1
            mode, expires = state["mode"], state["expires"]
        if mode == "deny":
            return self.reply(
                400,
                json.dumps(
                    {
                        "__type": "UnrecognizedClientException",
                        "message": "The security token included in the request is invalid.",
                    }
                ),
            )
        if mode == "throttle":
            return self.reply(
                400,
                json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}),
            )
        headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        request = urllib.request.Request(
            f"http://127.0.0.1:{moto_port}{self.path}", data=body, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, text = answer.status, answer.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status == 200 and expires is not None and "authorizationData" in text:
            doc = json.loads(text)
            for data in doc["authorizationData"]:
                data["expiresAt"] = time.time() + expires
            text = json.dumps(doc)
        self.reply(status, text)


TLS = None
REGISTRY = None
args = sys.argv[1:]
if args[:1] == ["--tls"]:
    TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    TLS.load_cert_chain(args[1], args[2])
    args = args[3:]
if args[:1] == ["--registry"]:
    REGISTRY = int(args[1])

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(f"ready {server.server_address[1]} {moto_port}", flush=True)
sys.stdin.read()
server.shutdown()
moto.stop()
