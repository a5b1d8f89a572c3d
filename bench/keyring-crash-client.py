#!/usr/bin/env python3
"""bench/keyring-crash-client.py: raw Secret Service clients for bench/keyring-crash.

A D-Bus client in the standard library alone (no libdbus, no jeepney), so
that the exact moment a client disconnects is under control: it can close
its socket right after writing an OpenSession, before the daemon has even
read it. Used by `bench/keyring-crash raw MODE WORKERS ROUNDS` (issue 17).

Modes, one connection per round, WORKERS processes at once:
  complete   Hello, OpenSession (DH), wait for its reply, close
             (a well-behaved short-lived client, like a hubint command)
  sent-close Hello (wait), OpenSession (DH) written, socket closed at once
  pipelined  Hello and OpenSession written together without waiting for
             anything, socket closed at once
  jitter     Hello (wait), OpenSession written, close after 0-2 ms
  get-first  Hello, Properties.Get(Service, Collections) and wait for its
             reply, then OpenSession and wait (the pattern of libsecret,
             whose first call is a GetAll, and of hubint since issue 17)

With FLOOD=N in the environment, N more processes keep the daemon's main
loop busy meanwhile: each registers once, then sends batches of 50 pipelined
Properties.Get calls and reads the replies, until the workers are done.

Usage: keyring-crash-client.py MODE WORKERS ROUNDS DAEMON_PID
Prints one line: mode, connections made, replies seen, whether the daemon
is still alive; exit 1 if the daemon died.
"""

import os
import random
import socket
import struct
import sys
import time

DH = "dh-ietf1024-sha256-aes128-cbc-pkcs7"


def _pad(buf, n):
    buf += b"\0" * (-len(buf) % n)


def _str(buf, s, sig=False):
    b = s.encode()
    if sig:
        buf += struct.pack("<B", len(b)) + b + b"\0"
    else:
        _pad(buf, 4)
        buf += struct.pack("<I", len(b)) + b + b"\0"


def message(serial, path, iface, member, dest, sig="", body=b"", no_reply=False):
    """A little-endian METHOD_CALL with the given header fields and body."""
    fields = bytearray()
    for code, tsig, val in (
        (1, "o", path),
        (2, "s", iface),
        (3, "s", member),
        (6, "s", dest),
        (8, "g", sig),
    ):
        if val is None or (code == 8 and not val):
            continue
        _pad(fields, 8)
        fields += struct.pack("<B", code)
        _str(fields, tsig, sig=True)
        _str(fields, val, sig=(tsig == "g"))
    head = bytearray(b"l")
    head += struct.pack("<BBBII", 1, 1 if no_reply else 0, 1, len(body), serial)
    head += struct.pack("<I", len(fields))
    # the fields array starts at offset 16, already 8-aligned
    head += fields
    _pad(head, 8)
    return bytes(head) + body


def hello(serial=1):
    return message(serial, "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello",
                   "org.freedesktop.DBus")


def get_collections(serial):
    body = bytearray()
    _str(body, "org.freedesktop.Secret.Service")
    _str(body, "Collections")
    return message(serial, "/org/freedesktop/secrets", "org.freedesktop.DBus.Properties", "Get",
                   "org.freedesktop.secrets", sig="ss", body=bytes(body))


def open_session(serial=2):
    body = bytearray()
    _str(body, DH)
    # variant: signature "ay", then the array (a random 1024-bit "public key")
    _str(body, "ay", sig=True)
    _pad(body, 4)
    key = os.urandom(128)
    body += struct.pack("<I", len(key)) + key
    return message(serial, "/org/freedesktop/secrets", "org.freedesktop.Secret.Service",
                   "OpenSession", "org.freedesktop.secrets", sig="sv", body=bytes(body))


def connect():
    addr = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    path = dict(kv.split("=", 1) for kv in addr.split(":", 1)[1].split(","))["path"]
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    uid = str(os.getuid()).encode().hex()
    s.sendall(b"\0AUTH EXTERNAL " + uid.encode() + b"\r\n")
    line = b""
    while not line.endswith(b"\r\n"):
        chunk = s.recv(256)
        if not chunk:
            raise OSError("bus closed during auth")
        line += chunk
    if not line.startswith(b"OK"):
        raise OSError(f"auth refused: {line!r}")
    s.sendall(b"BEGIN\r\n")
    return s


def read_message(s, buf):
    """Read one whole message; returns (type, reply_serial or None, rest)."""
    while True:
        if len(buf) >= 16:
            blen, _serial, flen = struct.unpack_from("<III", buf, 4)
            hlen = 16 + flen + (-(16 + flen) % 8)
            if len(buf) >= hlen + blen:
                mtype = buf[1]
                reply = None
                i = 16
                while i < 16 + flen:
                    i += -i % 8
                    code = buf[i]
                    slen = buf[i + 1]
                    sig = buf[i + 2:i + 2 + slen].decode()
                    j = i + 3 + slen
                    if sig == "u":
                        j += -j % 4
                        if code == 5:
                            reply = struct.unpack_from("<I", buf, j)[0]
                        j += 4
                    elif sig in ("s", "o"):
                        j += -j % 4
                        j += 4 + struct.unpack_from("<I", buf, j)[0] + 1
                    elif sig == "g":
                        j += 1 + buf[j] + 1
                    i = j
                return mtype, reply, buf[hlen + blen:]
        chunk = s.recv(65536)
        if not chunk:
            raise OSError("bus closed")
        buf += chunk


def wait_reply(s, serial, buf=b""):
    while True:
        mtype, reply, buf = read_message(s, buf)
        if mtype in (2, 3) and reply == serial:
            return mtype, buf


def one(mode):
    """One connection; returns 1 if an OpenSession reply was seen."""
    s = connect()
    try:
        if mode == "pipelined":
            s.sendall(hello() + open_session())
            return 0
        s.sendall(hello())
        _, buf = wait_reply(s, 1)
        if mode == "get-first":
            s.sendall(get_collections(3))
            _, buf = wait_reply(s, 3, buf)
            mode = "complete"
        s.sendall(open_session())
        if mode == "complete":
            mtype, _ = wait_reply(s, 2, buf)
            return 1 if mtype == 2 else 0
        if mode == "jitter":
            time.sleep(random.random() * 0.002)
        return 0
    finally:
        s.close()


def flood(stop_fd):
    """Keep the daemon busy with pipelined cheap calls until stop_fd closes."""
    s = connect()
    s.sendall(hello())
    _, buf = wait_reply(s, 1)
    serial = 10
    calls = 0
    os.set_blocking(stop_fd, False)
    while True:
        try:
            if os.read(stop_fd, 1) == b"":
                break
        except BlockingIOError:
            pass
        batch = b"".join(get_collections(serial + i) for i in range(50))
        s.sendall(batch)
        _, buf = wait_reply(s, serial + 49, buf)
        serial += 50
        calls += 50
    s.close()
    return calls


def main():
    mode, workers, rounds, daemon = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if mode not in ("complete", "sent-close", "pipelined", "jitter", "get-first"):
        sys.exit(f"unknown mode {mode}")
    flooders = []
    stop_r, stop_w = os.pipe()
    for _ in range(int(os.environ.get("FLOOD", "0"))):
        pid = os.fork()
        if pid == 0:
            os.close(stop_w)
            try:
                flood(stop_r)
            except OSError:
                pass
            os._exit(0)
        flooders.append(pid)
    os.close(stop_r)
    children = []
    for _ in range(workers):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            done = replies = 0
            for _ in range(rounds):
                try:
                    replies += one(mode)
                    done += 1
                except OSError:
                    pass
                if done % 20 == 0:
                    try:
                        os.kill(daemon, 0)
                    except ProcessLookupError:
                        break
            os.write(w, f"{done} {replies}".encode())
            os._exit(0)
        os.close(w)
        children.append((pid, r))
    done = replies = 0
    for pid, r in children:
        out = os.read(r, 100).decode().split()
        os.waitpid(pid, 0)
        if out:
            done += int(out[0])
            replies += int(out[1])
    os.close(stop_w)
    for pid in flooders:
        os.waitpid(pid, 0)
    try:
        os.kill(daemon, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    print(f"raw {mode} (flood {len(flooders)}): {workers} workers, {done} connections, {replies} OpenSession replies, "
          f"daemon {'alive' if alive else 'DIED'}")
    sys.exit(0 if alive else 1)


if __name__ == "__main__":
    main()
