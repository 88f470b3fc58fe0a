"""A closed-loop HTTP/1.1 load generator, run in its own process: `python -m benchmarks.loadgen URL ...`.

Why not httpx or a PyPI tool: on this 2-core machine the load generator shares the CPU with the server under
test, so its own cost per request must be far below the server's. httpx's async client spends more CPU per
request than a Starlette handler does, which would measure the client instead of the server. This loop keeps
N keep-alive connections busy, writes one pre-built request per round trip and reads the reply with
asyncio's stream reader (Content-Length or chunked bodies), so it costs a few microseconds per request.
`wrk` (Debian) is used instead when it is on PATH and --tool wrk is asked for.

It stops at whichever bound comes first, --max-requests or --duration, after a --warmup period that is not
recorded. It prints one JSON object: counts, status codes, elapsed time, requests per second and latency
percentiles (time from writing a request to reading the last byte of its reply).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Tally:
    recording: bool = False
    stop: bool = False
    issued: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    body_bytes: int = 0


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """Read one response; return (status, body length, whether the server will close the connection)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length: int | None = None
    chunked = False
    closing = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value.strip())
        elif key == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
        elif key == b"connection" and value.strip().lower() == b"close":
            closing = True
    if chunked:
        total = 0
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0].strip(), 16)
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                return status, total, closing
            await reader.readexactly(size + 2)
            total += size
    if length is None:
        body = await reader.read()
        return status, len(body), True
    if length:
        await reader.readexactly(length)
    return status, length, closing


async def worker(host: str, port: int, request: bytes, tally: Tally, max_requests: int) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    clock = time.perf_counter
    while not tally.stop:
        if tally.recording and tally.issued >= max_requests:
            return
        if writer is None:
            reader, writer = await asyncio.open_connection(host, port)
        assert reader is not None
        recording = tally.recording
        if recording:
            tally.issued += 1
        started = clock()
        try:
            writer.write(request)
            status, size, closing = await read_response(reader)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            if recording:
                tally.errors[type(exc).__name__] += 1
            writer.close()
            reader = writer = None
            continue
        if recording and tally.recording:
            tally.latencies.append(clock() - started)
            tally.statuses[status] += 1
            tally.body_bytes += size
        if closing:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


async def run_load(
    url: str, headers: list[str], *, connections: int, max_requests: int, duration: float, warmup: float
) -> dict[str, object]:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or 80
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}:{port}", "Accept: application/json", *headers]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    tally = Tally()
    tasks = [
        asyncio.create_task(worker(host, port, request, tally, max_requests)) for _ in range(connections)
    ]
    await asyncio.sleep(warmup)
    tally.recording = True
    started = time.perf_counter()
    deadline = started + duration
    while time.perf_counter() < deadline and tally.issued < max_requests:
        if all(task.done() for task in tasks):
            break
        await asyncio.sleep(0.01)
    await asyncio.wait(tasks, timeout=max(5.0, duration))
    elapsed = time.perf_counter() - started
    tally.stop = True
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    latencies = sorted(tally.latencies)
    completed = len(latencies)
    return {
        "tool": "benchmarks.loadgen",
        "connections": connections,
        "completed": completed,
        "errors": dict(tally.errors),
        "statuses": {str(code): count for code, count in sorted(tally.statuses.items())},
        "elapsed_s": elapsed,
        "requests_per_s": completed / elapsed if elapsed > 0 else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "mean_body_bytes": tally.body_bytes / completed if completed else 0,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loadgen", description=__doc__.splitlines()[0])
    parser.add_argument("url", help="absolute http:// URL of the GET to repeat")
    parser.add_argument("--header", action="append", default=[], help="extra header, `Name: value`")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds, upper bound")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of unrecorded load first")
    args = parser.parse_args(argv)
    if not args.url.startswith("http://"):
        parser.error("the URL must start with http:// (loopback plain HTTP only)")
    if args.connections < 1 or args.max_requests < 1 or args.duration <= 0 or args.warmup < 0:
        parser.error("--connections, --max-requests and --duration must be positive, --warmup >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result = asyncio.run(
        run_load(
            args.url,
            args.header,
            connections=args.connections,
            max_requests=args.max_requests,
            duration=args.duration,
            warmup=args.warmup,
        )
    )
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
