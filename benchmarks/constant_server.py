"""A server that answers every HTTP/1.1 request with one fixed tiny JSON reply: a yardstick for the load.

`python -m benchmarks.constant_server PORT` runs it on 127.0.0.1. The mock figure drives it exactly like the
real servers: the rate reached here is the load generator's ceiling on this machine, so a server measured well
below it was not held back by the load generator.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys

REPLY = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        while True:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(REPLY)
    writer.close()


async def serve(port: int) -> None:
    server = await asyncio.start_server(answer, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not args[0].isdigit():
        print("usage: python -m benchmarks.constant_server PORT", file=sys.stderr)
        return 2
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(int(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
