#!/usr/bin/env python3
"""A hostile eval2021 server on 127.0.0.1 for bench/hostile.sh: after the HELLO, and after every answer, it
sends a question of just under 1 MiB (1 + 1 + ..., the dialect's whole limit) and never a flag.
Usage: bench/hostile_eval_server.py PORT. Prints connections and questions sent every 5 s on stderr."""
import asyncio, sys

CLS = b"cs5700fall2021"
LIMIT = 1 << 20
prefix = CLS + b" EVAL 1"
QUESTION = prefix + b" + 1" * ((LIMIT - len(prefix)) // 4) + b"\n"
stats = {"connections": 0, "questions": 0, "open": 0}


async def serve(reader, writer):
    stats["connections"] += 1
    stats["open"] += 1
    try:
        if not await reader.readline():
            return
        while True:
            writer.write(QUESTION)
            await writer.drain()
            stats["questions"] += 1
            if not await reader.readline():
                return
    except (ConnectionError, asyncio.LimitOverrunError, ValueError):
        pass
    finally:
        stats["open"] -= 1
        writer.close()


async def report():
    while True:
        await asyncio.sleep(5)
        print(f"hostile: {stats}", file=sys.stderr, flush=True)


async def main(port):
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=1024)
    asyncio.create_task(report())
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
