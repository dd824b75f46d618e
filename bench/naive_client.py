#!/usr/bin/env python3
"""The "typical good student client" baseline for the status dialect.

Plain Python 3, standard library only, blocking socket with a buffered line
reader (socket.makefile + readline), one sendall per answer; no TCP_NODELAY
or other tuning, on purpose.

    naive_client.py [-p PORT] [--class CLS] HOST ID

Sends "CLS HELLO ID", then answers every "CLS STATUS a op b" with
"CLS <result>" (floor division for "/").  On "CLS <flag> BYE" or
"CLS BYE <flag>" prints the flag on stdout and exits 0; on anything else
(including end of stream or a division by zero) exits 1.  The number of
questions and questions/s (from connect to BYE) go to stderr.
"""
import argparse
import socket
import sys
import time

OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a // b,
}


def main() -> int:
    parser = argparse.ArgumentParser(description="naive status-dialect client")
    parser.add_argument("-p", "--port", type=int, default=27993)
    parser.add_argument("--class", dest="cls", default="cs5700fall2020")
    parser.add_argument("host")
    parser.add_argument("id")
    args = parser.parse_args()
    cls = args.cls

    start = time.perf_counter()
    sock = socket.create_connection((args.host, args.port), timeout=60)
    reader = sock.makefile("rb")
    sock.sendall(f"{cls} HELLO {args.id}\n".encode("ascii"))
    questions = 0
    while True:
        raw = reader.readline()
        if not raw.endswith(b"\n"):
            print(f"unexpected end of stream after {questions} questions", file=sys.stderr)
            return 1
        parts = raw.decode("ascii", "replace").split()
        if len(parts) == 5 and parts[0] == cls and parts[1] == "STATUS" and parts[3] in OPS:
            try:
                result = OPS[parts[3]](int(parts[2]), int(parts[4]))
            except (ValueError, ZeroDivisionError) as e:
                print(f"cannot answer {raw!r}: {e}", file=sys.stderr)
                return 1
            sock.sendall(f"{cls} {result}\n".encode("ascii"))
            questions += 1
        elif len(parts) == 3 and parts[0] == cls and (parts[2] == "BYE" or parts[1] == "BYE"):
            flag = parts[1] if parts[2] == "BYE" else parts[2]
            elapsed = time.perf_counter() - start
            print(flag)
            rate = questions / elapsed if elapsed > 0 else float("inf")
            print(f"{questions} questions in {elapsed:.3f} s: {rate:.0f} questions/s", file=sys.stderr)
            return 0
        else:
            print(f"unexpected line after {questions} questions: {raw!r}", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
