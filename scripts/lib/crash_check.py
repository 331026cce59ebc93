"""Crash safety: kill -9 of the application while it is under write load, then restart.

Checks that every acknowledged command's events are stored exactly once, that a multi-event command (a plan
import) is stored whole or not at all, that refused commands stored nothing, that the command-side tables agree
with the events, and that every projection equals a full replay of the event store (canonical hash per table).
Run through scripts/crash-check; settings are environment variables (see docs/testing.md, "Long checks").
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import longcheck as lc  # noqa: E402


def main():
    schema = lc.check_name(os.environ.get("CRASH_SCHEMA", "scripts_crash"))
    replay_schema = lc.check_name(os.environ.get("CRASH_REPLAY_SCHEMA", schema + "_replay"))
    port = int(os.environ.get("CRASH_PORT", "18281"))
    replay_port = int(os.environ.get("CRASH_REPLAY_PORT", str(port + 1)))
    cycles = int(os.environ.get("CRASH_CYCLES", "2"))
    load_seconds = float(os.environ.get("CRASH_LOAD_SECONDS", "20"))
    final_seconds = float(os.environ.get("CRASH_FINAL_LOAD_SECONDS", "8"))
    threads = int(os.environ.get("CRASH_THREADS", "6"))
    seed = int(os.environ.get("CRASH_SEED", str(random.randrange(1, 1_000_000))))
    workdir = Path(os.environ.get("CRASH_WORKDIR", lc.REPO / "target" / "long-checks" / "crash"))
    keep = os.environ.get("LONGCHECK_KEEP_SCHEMAS") == "1"

    lc.install_cleanup()
    lc.check_prerequisites()
    rng = random.Random(seed)
    lc.log(f"crash check: seed {seed} (rerun with CRASH_SEED={seed}), {cycles} kill -9 cycles of up to "
           f"{load_seconds:.0f} s load from {threads} threads, schemas {schema} and {replay_schema}, logs in {workdir}")
    lc.reset_schema(schema)
    lc.drop_schema(replay_schema)

    app = lc.App("app", schema, port, workdir)
    app.start()
    lc.log(f"application started (pid {app.pid}), up in {app.wait_healthy():.1f} s")
    lc.snapshot_pristine_schema(schema, replay_schema)
    lc.log(f"pristine copy of the schema as Flyway left it taken into {replay_schema}")

    records = []
    kills = []
    for cycle in range(1, cycles + 1):
        load = lc.Load(f"c{cycle}", lambda: [port], threads=threads, seed=seed * 10 + cycle)
        load.start()
        wait = rng.uniform(0.5, 1.0) * load_seconds
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            time.sleep(0.05)
        in_flight = sorted(load.in_flight.values(), key=lambda r: r["id"])
        multi = sum(1 for r in in_flight if r["expected"] > 1)
        app.kill9()
        kills.append(len(in_flight))
        lc.log(f"cycle {cycle}: kill -9 of pid {app.pid} after {wait:.1f} s of load, {len(load.records)} requests "
               f"answered, {len(in_flight)} in flight ({multi} multi-event)")
        load.stop()
        records += load.records
        app.start()
        lc.log(f"cycle {cycle}: restarted (pid {app.pid}), up in {app.wait_healthy():.1f} s")

    load = lc.Load("after", lambda: [port], threads=threads, seed=seed * 10)
    load.start()
    time.sleep(final_seconds)
    load.stop()
    records += load.records
    lc.log(f"load after the last restart: {len(load.records)} requests in {final_seconds:.0f} s; load stopped")

    processors = lc.processor_names(schema)
    head, waited = lc.wait_caught_up(schema, processors)
    lc.log(f"projections caught up with event {head} ({len(processors)} processors: {', '.join(processors)}) "
           f"in {waited:.1f} s")

    failures = []
    summary, event_failures, counts = lc.verify_events(schema, records)
    for line in summary:
        lc.log(line)
    failures += event_failures
    side_summary, side_failures = lc.verify_command_side(schema)
    lc.log(side_summary)
    failures += side_failures

    app.stop()
    live = lc.table_hashes(schema)
    positions = lc.misplaced_positions(schema)
    for table, (checked, misplaced, example) in sorted(positions.items()):
        lc.log(f"{table}: {checked - misplaced} of {checked} rows carry their event's own global_index"
               + (f"; e.g. event {example}" if misplaced else ""))
    differing, _ = lc.replay_and_compare(schema, replay_schema, replay_port, workdir, processors, live)
    failures += [f"projection table {t} differs from a full replay" for t in differing]

    if not keep:
        lc.drop_schema(schema)
        lc.drop_schema(replay_schema)

    checks = [
        ("kill -9 cycles under load, each restarted and answering", cycles, cycles),
        ("acknowledged requests whose events are all stored exactly once",
         counts["acknowledged"] - sum(1 for f in event_failures if f.startswith("acknowledged")),
         counts["acknowledged"]),
        ("refused requests that stored nothing",
         counts["refused"] - sum(1 for f in event_failures if f.startswith("refused")), counts["refused"]),
        ("unanswered requests stored whole or not at all",
         counts["unanswered"] - sum(1 for f in event_failures if f.startswith("unanswered")), counts["unanswered"]),
        ("projection tables equal to a full replay", len(live) - len(differing), len(live)),
    ]
    lc.log("crash check summary:")
    for name, passed, total in checks:
        lc.log(f"  {'PASS' if passed == total else 'FAIL'} {name}: {passed} of {total}")
    if failures:
        lc.log(f"crash check FAILED ({len(failures)} problems, seed {seed}):")
        for failure in failures[:50]:
            lc.log("  " + failure)
        return 1
    lc.log(f"crash check passed in {lc.elapsed():.0f} s (seed {seed})")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except lc.CheckFailed as e:
        lc.log(f"crash check FAILED: {e}")
        sys.exit(1)
