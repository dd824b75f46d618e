#!/usr/bin/env python3
"""Math servers on 127.0.0.1 for bench/hostile.sh. Usage: bench/hostile_eval_server.py PORT [MODE [DIALECT]].
MODE huge (default): after the HELLO, and after every answer, a question of just under 1 MiB (1 + 1 + ..., the
EVAL dialects' whole limit), and never a flag. MODE quiet: one short question, then silence until the client
goes (an honest but slow server: what a running session holds between messages). DIALECT eval2021 (default)
or status. Prints connections and questions sent every 5 s on stderr."""
import asyncio, sys

port = int(sys.argv[1])
mode = sys.argv[2] if len(sys.argv) > 2 else "huge"
dialect = sys.argv[3] if len(sys.argv) > 3 else "eval2021"
head = {"eval2021": b"cs5700spring2021 EVAL", "status": b"cs5700fall2020 STATUS"}[dialect]
LIMIT = 1 << 20
if mode == "huge":
    QUESTION = head + b" 1" + b" + 1" * ((LIMIT - len(head) - 2) // 4) + b"\n"
else:
    QUESTION = head + b" 1 + 1\n"
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
            if mode == "quiet":
                await reader.read()  # until the client goes
                return
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


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=1024)
    asyncio.create_task(report())
    async with server:
        await server.serve_forever()


asyncio.run(main())
