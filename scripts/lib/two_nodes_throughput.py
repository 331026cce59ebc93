"""Two nodes' throughput: what a second application instance on the same PostgreSQL schema adds.

Starts two instances on one schema, then drives the long checks' mixed command load (lc.Load: plans, activities,
enterprises, procurements, over HTTP as the coordinator) from the same number of threads twice: first against one
node, then spread over both. Prints acknowledged commands per second and the p50/p95 latency of each phase, and the
ratio. Not a pass/fail check: a figure for docs/capacity.md. Run through scripts/two-nodes-throughput; settings:
THROUGHPUT_SECONDS (per phase, default 30), THROUGHPUT_THREADS (default 8), THROUGHPUT_SCHEMA (default
scripts_throughput), THROUGHPUT_PORT (default 18391; the second node takes the next port).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import longcheck as lc  # noqa: E402


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def phase(name, tag, targets, threads, seconds):
    load = lc.Load(tag, targets, threads=threads, seed=7)
    load.start()
    time.sleep(seconds)
    load.stop()
    acked = [r for r in load.records if r.get("status") and 200 <= r["status"] < 300]
    latencies = [(r["end"] - r["start"]) * 1000 for r in acked]
    refused = [r for r in load.records if not (r.get("status") and 200 <= r["status"] < 300)]
    if not acked:
        endings = {}
        for r in refused:
            key = f"{r.get('status')} {str(r.get('error'))[:80]}"
            endings[key] = endings.get(key, 0) + 1
        raise lc.CheckFailed(f"{name}: no command was acknowledged; how they ended: {endings}")
    rate = len(acked) / seconds
    lc.log(f"{name}: {len(acked)} commands acknowledged in {seconds:.0f} s = {rate:.1f} cmd/s, p50 "
           f"{percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms "
           f"({len(refused)} refused or unanswered, as the load's rules expect some)")
    return rate


def main():
    schema = lc.check_name(os.environ.get("THROUGHPUT_SCHEMA", "scripts_throughput"))
    port_a = int(os.environ.get("THROUGHPUT_PORT", "18391"))
    seconds = float(os.environ.get("THROUGHPUT_SECONDS", "30"))
    threads = int(os.environ.get("THROUGHPUT_THREADS", "8"))
    workdir = Path(os.environ.get("THROUGHPUT_WORKDIR", lc.REPO / "target" / "long-checks" / "throughput"))

    lc.install_cleanup()
    lc.check_prerequisites()
    lc.reset_schema(schema)
    a = lc.App("node-a", schema, port_a, workdir)
    b = lc.App("node-b", schema, port_a + 1, workdir)
    a.start()
    b.start()
    lc.log(f"node-a up in {a.wait_healthy():.1f} s, node-b up in {b.wait_healthy():.1f} s; {threads} threads, "
           f"{seconds:.0f} s per phase, schema {schema}")
    phase("warm-up (both nodes)", "w", lambda: [a.port, b.port], threads, 10)
    one = phase("one node", "o", lambda: [a.port], threads, seconds)
    two = phase("two nodes", "t", lambda: [a.port, b.port], threads, seconds)
    lc.log(f"two nodes / one node: {two / one:.2f}x")
    a.stop()
    b.stop()
    lc.drop_schema(schema)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except lc.CheckFailed as e:
        lc.log(f"FAILED: {e}")
        sys.exit(1)
