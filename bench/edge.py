#!/usr/bin/env python3
"""Hostile clients against a running Flagrunner service on loopback, to measure the HTTP edge's bounds by hand
(web.ConnectionDeadlinesTest proves the same with small numbers; this is the 8,300-connection run of bench/EDGE.md).

  bench/edge.py PORT slowloris [N=8300] [SECONDS=60]   N connections sending a request head 8 bytes every 5 s
  bench/edge.py PORT slowbody  [N=220]  [SECONDS=60]   N POSTs declaring Content-Length: 60000, 8 bytes every 5 s
  bench/edge.py PORT idle      [N=8300] [SECONDS=60]   N connections that send nothing

Every second it prints how many connections are open and how many the service has closed, and whether
GET /actuator/health answered within 2 s; every 10 s it also times an honest session (POST /sessions). After
SECONDS it lets go of every connection and measures how long health takes to answer again, then starts a session
and says whether it captured its flag. The attackers never send a token; the honest sessions send
$FLAGRUNNER_TOKEN as a bearer token when it is set (a service with a token file). Loopback only; it stops by
itself. Raise `ulimit -n` above N first.
"""
import errno
import json
import os
import selectors
import socket
import sys
import time
import urllib.request

DRIP = b"X-a: b\r\n"


def health(port):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=2) as r:
            return r.status, time.monotonic() - start
    except Exception as e:  # noqa: BLE001 - any failure is "no answer within 2 s"
        return type(e).__name__, time.monotonic() - start


def session(port):
    body = json.dumps({"studentId": "after-the-attack"}).encode()
    headers = {"Content-Type": "application/json"}
    if os.environ.get("FLAGRUNNER_TOKEN"):
        headers["Authorization"] = "Bearer " + os.environ["FLAGRUNNER_TOKEN"]
    request = urllib.request.Request(f"http://127.0.0.1:{port}/sessions", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return json.load(r)["status"]
    except Exception as e:  # noqa: BLE001 - reported as the session's outcome
        return type(e).__name__


def timed_session(port):
    start = time.monotonic()
    status = session(port)
    return status, time.monotonic() - start


def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else (220 if mode == "slowbody" else 8300)
    seconds = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    start_bytes = {
        "slowloris": b"GET /flags HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "slowbody": b"POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 60000\r\n\r\n{\"studentId\":\"",
        "idle": b"",
    }[mode]
    sel = selectors.DefaultSelector()
    pending, open_, closed = set(), set(), 0
    for _ in range(n):
        s = socket.socket()
        s.setblocking(False)
        err = s.connect_ex(("127.0.0.1", port))
        if err not in (0, errno.EINPROGRESS):
            s.close()
            continue
        pending.add(s)
        sel.register(s, selectors.EVENT_WRITE)
    t0 = time.monotonic()
    next_drip, next_report, next_session = t0 + 5, t0, t0 + 3
    while time.monotonic() - t0 < seconds:
        for key, events in sel.select(timeout=0.2):
            s = key.fileobj
            if s in pending:
                pending.discard(s)
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                    sel.unregister(s)
                    s.close()
                    continue
                open_.add(s)
                sel.modify(s, selectors.EVENT_READ)
                try:
                    s.send(start_bytes)
                except OSError:
                    pass
            else:
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(s)
                    open_.discard(s)
                    s.close()
                    closed += 1
        now = time.monotonic()
        if mode != "idle" and now >= next_drip:
            next_drip = now + 5
            for s in list(open_):
                try:
                    s.send(DRIP if mode == "slowloris" else b"11111111")
                except OSError:
                    pass
        if now >= next_report:
            next_report = now + 1
            status, took = health(port)
            print(f"t={now - t0:5.1f}s connecting={len(pending)} open={len(open_)} closed_by_service={closed}"
                  f" health={status} in {took:.2f}s", flush=True)
        if now >= next_session:
            next_session = now + 10
            status, took = timed_session(port)
            print(f"t={now - t0:5.1f}s an honest session: {status} in {took:.2f}s", flush=True)
    for s in list(pending) + list(open_):
        s.close()
    released = time.monotonic()
    print(f"released every connection at t={released - t0:.1f}s", flush=True)
    while True:
        status, took = health(port)
        if status == 200:
            print(f"health answered {took:.2f}s after asking, {time.monotonic() - released:.2f}s after release",
                  flush=True)
            break
        if time.monotonic() - released > 60:
            print("health did not answer within 60 s of the release", flush=True)
            sys.exit(1)
    print(f"a session after the attack: {session(port)}", flush=True)


if __name__ == "__main__":
    main()
