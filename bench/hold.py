#!/usr/bin/env python3
"""bench/hold.py - an attacker for bench/mathserver.sh, bounded in connections, bytes and seconds; loopback only.

  hold.py --ports P1,P2,... --count N [--send BYTES] [--hold SECONDS]

Opens N connections to 127.0.0.1, round robin over the ports, and (with --send) writes BYTES bytes of 'x' without
a newline on each (a memory bomb). Prints "opened N" once they are open, then holds them until --hold seconds have
passed since the start, and prints "open K" (connections the server had not closed by then) before it exits.
"""
import argparse
import select
import socket
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ports", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--send", type=int, default=0)
    p.add_argument("--hold", type=float, default=30.0)
    a = p.parse_args()
    if a.count > 10000 or a.send > 4 * 1024 * 1024 or a.hold > 300:
        sys.exit("hold.py: bounded to 10000 connections, 4 MiB each, 300 s")
    ports = [int(x) for x in a.ports.split(",")]
    start = time.monotonic()
    conns, refused = [], 0
    payload = b"x" * a.send
    for i in range(a.count):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", ports[i % len(ports)]))
        except BlockingIOError:
            pass
        except OSError:
            refused += 1
            s.close()
            continue
        conns.append([s, 0])
    # Finish the connects and the writes without blocking on any one socket (poll: select stops at fd 1024).
    deadline = start + a.hold
    by_fd = {c[0].fileno(): c for c in conns}
    poller = select.poll()
    for fd in by_fd:
        poller.register(fd, select.POLLOUT)
    pending = len(by_fd)
    while pending and time.monotonic() < deadline:
        for fd, _ in poller.poll(1000):
            c = by_fd[fd]
            try:
                if c[1] < a.send:
                    c[1] += c[0].send(payload[c[1]:c[1] + 65536])
            except OSError:
                c[1] = a.send
            if c[1] >= a.send:
                poller.unregister(fd)
                pending -= 1
    print(f"opened {len(conns)} refused-at-connect {refused}", flush=True)
    while time.monotonic() < deadline:
        time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
    still = 0
    for s, _ in conns:
        # Still open: nothing to read, or data (a question) rather than the end of the stream or a reset.
        try:
            if s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT):
                still += 1
        except BlockingIOError:
            still += 1
        except OSError:
            pass
        s.close()
    print(f"open {still}", flush=True)


if __name__ == "__main__":
    main()
