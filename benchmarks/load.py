"""A bounded load test of `jazu serve` on loopback: N concurrent conversion requests (200 by
default), each a short paragraph, against a server started here and stopped at the end;
prints how many succeeded and the latency's p50 and p99. Nothing else is reached.

    python benchmarks/load.py [--requests 200] [--target arab]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A paragraph in a script other than the target: Cyrillic going to Arabic or Latin, the Arabic
# seed going to Cyrillic (the reader, the costlier direction).
TEXTS = {
    "cyrl": (ROOT / "seeds" / "000_532bcf6876fd3160.txt").read_text(encoding="utf-8")[:600],
    "other": (ROOT / "seeds" / "003_0632195ffc93f541.txt").read_text(encoding="utf-8")[:600],
}


async def run(port: int, requests: int, target: str, text: str) -> list:
    import httpx

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120,
                                 limits=httpx.Limits(max_connections=requests)) as client:
        async def one(i: int) -> tuple:
            t0 = time.perf_counter()
            response = await client.post("/v1/convert", json={"text": f"{i} {text}", "target": target})
            return response.status_code, time.perf_counter() - t0

        return await asyncio.gather(*(one(i) for i in range(requests)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--target", default="arab")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "jazu", "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):  # up when /healthz answers (at most ~20 s)
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            except OSError:
                time.sleep(0.1)
        import httpx

        httpx.post(f"http://127.0.0.1:{port}/v1/convert", json={"text": "сөз", "target": args.target}, timeout=60)
        t0 = time.perf_counter()
        text = TEXTS["cyrl" if args.target == "cyrl" else "other"]
        results = asyncio.run(run(port, args.requests, args.target, text))
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(10)
    ok = [t for status, t in results if status == 200]
    errors = len(results) - len(ok)
    q = statistics.quantiles(ok, n=100) if len(ok) > 1 else [0.0] * 99
    print(f"{args.requests} concurrent POST /v1/convert ({len(text)} characters each, to {args.target}) on loopback: "
          f"{len(ok)} ok, {errors} errors; p50 {q[49] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms; all in {wall:.2f} s")


if __name__ == "__main__":
    main()
