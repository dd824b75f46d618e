#!/usr/bin/env python3
"""A toy status-dialect server, ONLY for testing the bench scripts.

Standard library only.  Listens on 127.0.0.1 (port 0 = any free port),
prints "listening on 127.0.0.1:PORT" as its first stdout line, serves ONE
connection and exits:

    CLS HELLO <id>          (from the client)
    CLS STATUS a op b       N times, a, b in 1..1000, op in + - * /
    CLS <result>            (from the client; floor division for /)
    CLS <64-hex flag> BYE   (or "CLS BYE <flag>" with --bye-first)

A wrong or malformed answer closes the connection (exit 1).  The questions
and answers are generated before listening, so the loop costs only I/O.
The flag is also printed on stderr ("flag: ...") so a test can compare.
Flagrunner's own reference server replaces this in the real benchmark.
"""
import argparse
import random
import secrets
import socket
import sys


def make_questions(cls: str, n: int, rng: random.Random):
    ops = "+-*/"
    out = []
    for _ in range(n):
        a, b, op = rng.randint(1, 1000), rng.randint(1, 1000), rng.choice(ops)
        r = a + b if op == "+" else a - b if op == "-" else a * b if op == "*" else a // b
        out.append((f"{cls} STATUS {a} {op} {b}\n".encode(), f"{cls} {r}\n".encode()))
    return out


def main() -> int:
    p = argparse.ArgumentParser(description="toy status-dialect server (bench testing only)")
    p.add_argument("-p", "--port", type=int, default=0)
    p.add_argument("--questions", type=int, default=100000)
    p.add_argument("--class", dest="cls", default="cs5700fall2020")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--bye-first", action="store_true", help='end with "CLS BYE <flag>"')
    p.add_argument("--timeout", type=float, default=120.0, help="accept/read timeout, seconds")
    args = p.parse_args()
    cls = args.cls
    qa = make_questions(cls, args.questions, random.Random(args.seed))
    flag = secrets.token_hex(32)

    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", args.port))
    lsock.listen(1)
    lsock.settimeout(args.timeout)
    print(f"listening on 127.0.0.1:{lsock.getsockname()[1]}", flush=True)
    try:
        conn, _ = lsock.accept()
    except socket.timeout:
        print("no client connected in time", file=sys.stderr)
        return 1
    lsock.close()
    with conn:
        conn.settimeout(args.timeout)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = conn.makefile("rb")
        hello = reader.readline().split()
        if len(hello) != 3 or hello[0] != cls.encode() or hello[1] != b"HELLO":
            print(f"bad HELLO: {hello!r}", file=sys.stderr)
            return 1
        for i, (question, answer) in enumerate(qa):
            conn.sendall(question)
            got = reader.readline()
            if got != answer:
                print(f"wrong answer to question {i}: {question!r} -> {got!r}", file=sys.stderr)
                return 1
        bye = f"{cls} BYE {flag}\n" if args.bye_first else f"{cls} {flag} BYE\n"
        conn.sendall(bye.encode())
    print(f"flag: {flag}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
