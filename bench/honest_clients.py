#!/usr/bin/env python3
"""bench/honest_clients.py - N honest status-dialect clients at once against one server (bench/mathserver.sh).

  honest_clients.py PORT N [--sources K]

Each client connects from one of K loopback source addresses (127.0.1.1 ...: a class behind K addresses), says
HELLO, answers every question and reads its flag. Prints "served S of N in T s". Bounded: 240 s per client.
"""
import asyncio
import sys
import time

CLS = "cs5700fall2020"


def answer(a, op, b):
    a, b = int(a), int(b)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return a // b


async def one(port, i, sources):
    source = f"127.0.1.{1 + i % sources}"
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0)), 10)
    except (OSError, asyncio.TimeoutError):
        return False
    try:
        writer.write(f"{CLS} HELLO {i:09d}\n".encode())
        while True:
            line = (await reader.readline()).decode().split()
            if len(line) == 3 and line[2] == "BYE":
                return len(line[1]) == 64
            if len(line) != 5 or line[1] != "STATUS":
                return False
            writer.write(f"{CLS} {answer(line[2], line[3], line[4])}\n".encode())
    except (OSError, ValueError, ZeroDivisionError):
        return False
    finally:
        writer.close()


async def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    sources = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--sources" else 1
    if n > 5000:
        sys.exit("honest_clients.py: at most 5000 clients")
    t0 = time.monotonic()
    results = await asyncio.gather(*(asyncio.wait_for(one(port, i, sources), 240) for i in range(n)),
                                   return_exceptions=True)
    served = sum(1 for r in results if r is True)
    print(f"served {served} of {n} in {time.monotonic() - t0:.2f} s", flush=True)


asyncio.run(main())
