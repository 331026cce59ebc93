"""Two nodes: two application instances on one PostgreSQL schema, both taking commands.

One node is paused with SIGSTOP for longer than the token claim timeout while writes go on through the other, then
resumed with SIGCONT. Throughout, each node's in-memory view of the segments it works on (GET
/api/ops/event-processors) and the owners in token_entry are sampled. Checks: both nodes acknowledged commands and
every acknowledged command's events are stored exactly once; the other node took the paused node's segments over;
no segment was believed owned by both nodes for longer than the claim timeout; at the end every segment has exactly
one owner, the same in memory and in token_entry; every projection equals a full replay. It also reports whether
the segments were split between the nodes. Run through scripts/two-nodes-check; settings are environment
variables (see docs/testing.md, "Long checks").
"""

import json
import os
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import longcheck as lc  # noqa: E402


class Sampler:
    """Samples, every `interval` seconds, what each node says it is processing, and the owners in token_entry."""

    def __init__(self, nodes, schema, interval):
        self.nodes, self.schema, self.interval = nodes, schema, interval
        self.memory = {node.name: [] for node in nodes}  # name -> [(t, node id or None, {(processor, segment)})]
        self.stored = []  # [(t, {(processor, segment): owner})]
        self.failed = {node.name: [] for node in nodes}  # name -> [(t, {(processor, segment)} listed as failed)]
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._node_loop, args=(node,), daemon=True) for node in nodes]
        self._threads.append(threading.Thread(target=self._db_loop, daemon=True))

    def start(self):
        for thread in self._threads:
            thread.start()

    def stop(self):
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _node_loop(self, node):
        while not self._stop.is_set():
            sent = lc.elapsed()
            status, body, _error = lc.http_request(node.port, "GET", "/api/ops/event-processors", user="auditor",
                                                   timeout=5)
            # the answer describes some moment between sending and receiving; it is stamped with the later one
            t = lc.elapsed()
            if status == 200:
                answer = json.loads(body)
                segments = {(p["name"], s["segment"]) for p in answer["processors"] for s in p["segments"]}
                self.memory[node.name].append((t, answer["node"], segments))
                failed = {(p["name"], s) for p in answer["processors"] for s in p.get("failedSegments", [])}
                self.failed[node.name].append((t, failed))
            else:
                self.memory[node.name].append((t, None, None))
            time.sleep(max(0.0, self.interval - (lc.elapsed() - sent)))

    def _db_loop(self):
        while not self._stop.is_set():
            t = lc.elapsed()
            rows = lc.psql("select processor_name, segment, coalesce(owner, '') from token_entry", self.schema)
            self.stored.append((t, {(p, int(s)): owner for p, s, owner in rows if "@" not in p}))
            time.sleep(max(0.0, self.interval - (lc.elapsed() - t)))


def double_beliefs(sampler, names, stale=1.5):
    """For every segment, the periods in which both nodes, each in its latest answer (at most `stale` seconds old),
    said they were processing it. A period is observed from the first to the last sample at which both said so; its
    upper bound runs from the sample before the first to the sample after the last (a node that does not answer in
    between makes the bound longer, never the period shorter than it could have been).
    Returns {(processor, segment): [(first, last, upper bound)]}."""
    events = []
    for name in names:
        for t, _node_id, segments in sampler.memory[name]:
            events.append((t, name, segments))
    events.sort(key=lambda e: e[0])
    latest = {}
    periods = {}
    open_since = {}   # key -> (time of the sample before the period, first time both)
    last_both = {}
    previous_t = 0.0
    for t, name, segments in events:
        latest[name] = (t, segments)
        if len(latest) == len(names) and all(s is not None and t - ts <= stale for ts, s in latest.values()):
            both = set.intersection(*[s for _, s in latest.values()])
        else:
            both = set()
        for key in set(open_since) - both:
            before, first = open_since.pop(key)
            periods.setdefault(key, []).append((first, last_both[key], t - before))
        for key in both:
            open_since.setdefault(key, (previous_t, t))
            last_both[key] = t
        previous_t = t
    for key, (before, first) in open_since.items():
        periods.setdefault(key, []).append((first, last_both[key], previous_t - before))
    return periods


def failed_entries(sampler, name):
    """Every segment a node listed as failed (a work package stopping, or an entry Axon left behind; never processed),
    with the first and last time it was seen so. Returns {(processor, segment): (first, last, samples)}."""
    seen = {}
    for t, failed in sampler.failed[name]:
        for key in failed:
            first, _last, count = seen.get(key, (t, t, 0))
            seen[key] = (first, t, count + 1)
    return seen


def answer_gaps(sampler, name, since=0.0):
    """How many samples of a node were answered, of how many, and the longest time between two answers."""
    samples = [(t, s) for t, _id, s in sampler.memory[name] if t >= since]
    answered = [t for t, s in samples if s is not None]
    gaps = [b - a for a, b in zip(answered, answered[1:])]
    return len(answered), len(samples), max(gaps, default=0.0)


def node_id(node, timeout=120):
    """The name the node claims segments under (token_entry.owner), from its own answer."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        status, body, _error = lc.http_request(node.port, "GET", "/api/ops/event-processors", user="auditor",
                                               timeout=30)
        if status == 200:
            return json.loads(body)["node"]
        time.sleep(1)
    raise lc.CheckFailed(f"{node.name} did not answer GET /api/ops/event-processors")


def owners_at(sampler, t):
    """The token_entry owners in the last database sample taken at or before t."""
    chosen = {}
    for ts, owners in sampler.stored:
        if ts <= t:
            chosen = owners
    return chosen


def main():
    schema = lc.check_name(os.environ.get("NODES_SCHEMA", "scripts_nodes"))
    replay_schema = lc.check_name(os.environ.get("NODES_REPLAY_SCHEMA", schema + "_replay"))
    port_a = int(os.environ.get("NODES_PORT", "18291"))
    port_b, replay_port = port_a + 1, port_a + 2
    claim_timeout = float(os.environ.get("NODES_CLAIM_TIMEOUT_SECONDS", "10"))
    pause = float(os.environ.get("NODES_PAUSE_SECONDS", str(2 * claim_timeout + 5)))
    load_seconds = float(os.environ.get("NODES_LOAD_SECONDS", "15"))
    threads = int(os.environ.get("NODES_THREADS", "6"))
    interval = float(os.environ.get("NODES_SAMPLE_INTERVAL", "0.25"))
    require_split = os.environ.get("NODES_REQUIRE_SPLIT", "1") == "1"
    seed = int(os.environ.get("NODES_SEED", str(random.randrange(1, 1_000_000))))
    workdir = Path(os.environ.get("NODES_WORKDIR", lc.REPO / "target" / "long-checks" / "two-nodes"))
    keep = os.environ.get("LONGCHECK_KEEP_SCHEMAS") == "1"

    lc.install_cleanup()
    lc.check_prerequisites()
    lc.log(f"two-node check: seed {seed} (rerun with NODES_SEED={seed}), token claim timeout {claim_timeout:.0f} s, "
           f"pause {pause:.0f} s, {threads} load threads, schemas {schema} and {replay_schema}, logs in {workdir}")
    lc.reset_schema(schema)
    lc.drop_schema(replay_schema)

    env = {"AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT": f"{claim_timeout:g}s"}
    a = lc.App("node-a", schema, port_a, workdir, env)
    b = lc.App("node-b", schema, port_b, workdir, env)
    a.start()
    b.start()
    lc.log(f"node-a (pid {a.pid}, port {port_a}) up in {a.wait_healthy():.1f} s; "
           f"node-b (pid {b.pid}, port {port_b}) up in {b.wait_healthy():.1f} s")
    lc.snapshot_pristine_schema(schema, replay_schema)
    lc.log(f"pristine copy of the schema as Flyway left it taken into {replay_schema}")
    nodes = [a, b]
    names = [n.name for n in nodes]
    ids = {node.name: node_id(node) for node in nodes}  # the owner name each node claims segments under
    by_id = {v: k for k, v in ids.items()}
    lc.log("token store owner names: " + ", ".join(f"{n} {ids[n]}" for n in names))

    sampler = Sampler(nodes, schema, interval)
    sampler.start()
    paused = set()
    load = lc.Load("n", lambda: [n.port for n in nodes if n.name not in paused], threads=threads, seed=seed)
    load.start()
    time.sleep(load_seconds)

    before = owners_at(sampler, lc.elapsed())
    held = {name: sorted(k for k, owner in before.items() if owner == ids[name]) for name in names}
    lc.log("before the pause, token_entry owners: " + "; ".join(f"{n} ({ids[n]}) {len(held[n])}" for n in names)
           + f" of {len(before)} segments")
    victim = max(nodes, key=lambda n: len(held[n.name]))
    survivor = a if victim is b else b

    paused.add(victim.name)
    victim.signal(lc.signal.SIGSTOP)
    t_stop = lc.elapsed()
    lc.log(f"SIGSTOP {victim.name} (pid {victim.pid}), which held {len(held[victim.name])} segments; writes go on "
           f"through {survivor.name}")
    taken_over_at = None
    while lc.elapsed() - t_stop < pause:
        owners = owners_at(sampler, lc.elapsed())
        if taken_over_at is None and owners and all(owner == ids[survivor.name] for owner in owners.values()):
            taken_over_at = lc.elapsed()
            lc.log(f"{survivor.name} owns all {len(owners)} segments in token_entry, "
                   f"{taken_over_at - t_stop:.1f} s after the pause")
        time.sleep(0.1)
    victim.signal(lc.signal.SIGCONT)
    t_cont = lc.elapsed()
    paused.discard(victim.name)
    lc.log(f"SIGCONT {victim.name} after {t_cont - t_stop:.1f} s; writes go to both nodes again")
    time.sleep(load_seconds)
    load.stop()
    lc.log(f"load stopped: {len(load.records)} requests")

    processors = lc.processor_names(schema)
    head, waited = lc.wait_caught_up(schema, processors)
    lc.log(f"projections caught up with event {head} in {waited:.1f} s")
    time.sleep(3)
    sampler.stop()

    failures = []
    checks = []

    # both nodes took commands
    acked = {name: 0 for name in names}
    for r in load.records:
        if r.get("status") and 200 <= r["status"] < 300:
            acked[a.name if r["port"] == port_a else b.name] += 1
    lc.log("acknowledged commands per node: " + ", ".join(f"{n} {acked[n]}" for n in names))
    checks.append(("nodes that acknowledged commands", sum(1 for n in names if acked[n]), len(names)))

    # split
    # only while both nodes run: during the pause the owners are mixed for a moment because the take-over is under
    # way, which is no split
    max_owners = max((len(set(o.values()) - {""}) for t, o in sampler.stored
                      if o and not t_stop <= t <= t_cont + claim_timeout), default=0)
    reporting = sorted(n for n in names if any(s[2] for s in sampler.memory[n]))
    lc.log(f"segments split between the nodes: at most {max_owners} distinct owner(s) in token_entry at one time "
           f"while both ran (the pause and one claim timeout after it left out); "
           f"nodes that ever reported processing a segment: {', '.join(reporting) or 'none'}")
    if require_split:
        checks.append(("segments split between the two nodes (both owners in token_entry at one time)",
                       min(max_owners, 2), 2))

    # take-over
    took = None if taken_over_at is None else taken_over_at - t_stop
    limit = claim_timeout + 5 + 5  # the claim timeout, the claim interval (5 s) and a margin
    lc.log(f"take-over: {survivor.name} held every segment {took:.1f} s after the pause" if took is not None else
           f"take-over: {survivor.name} never held every segment during the {pause:.0f} s pause")
    checks.append(("paused node's segments taken over within claim timeout + claim interval + 5 s",
                   1 if took is not None and took <= limit else 0, 1))

    # double beliefs
    for name in names:
        answered, total, gap = answer_gaps(sampler, name, t_cont if name == victim.name else 0.0)
        lc.log(f"{name} answered {answered} of {total} samples"
               + (" after its resumption" if name == victim.name else "")
               + f", longest time between two answers {gap:.2f} s")
    periods = double_beliefs(sampler, names)
    longest = max((p for ps in periods.values() for p in ps), key=lambda p: p[2], default=None)
    total_samples = sum(len(v) for v in sampler.memory.values()) + len(sampler.stored)
    if longest:
        key = next(k for k, ps in periods.items() if longest in ps)
        lc.log(f"segment believed owned by both nodes: {sum(len(p) for p in periods.values())} periods over "
               f"{len(periods)} segments; longest {key[0]}/{key[1]} from {longest[0]:.1f} s to {longest[1]:.1f} s, "
               f"observed {longest[1] - longest[0]:.2f} s, at most {longest[2]:.2f} s "
               f"({total_samples} samples, one every {interval} s per node and database)")
    else:
        lc.log(f"no segment was ever reported by both nodes at once ({total_samples} samples every {interval} s)")
    for name in names:
        entries = failed_entries(sampler, name)
        if entries:
            lc.log(f"{name} listed {len(entries)} segment(s) as failed (not processed; see ProcessingSegments): "
                   + "; ".join(f"{k[0]}/{k[1]} from {v[0]:.1f} s to {v[1]:.1f} s in {v[2]} samples"
                               for k, v in sorted(entries.items())))
        else:
            lc.log(f"{name} never listed a segment as failed")
    # A resumed node's stale belief can only be seen once it answers: until its first answer after SIGCONT it may
    # have believed anything, so that delay bounds an overlap the samples could not see.
    first_answer = next((t for t, _id, seg in sampler.memory[victim.name] if t >= t_cont and seg is not None), None)
    unseen = (first_answer - t_cont) if first_answer is not None else float("inf")
    bound = max(longest[2] if longest else 0.0, unseen)
    lc.log(f"{victim.name} first answered {unseen:.2f} s after SIGCONT; a segment believed owned by both nodes "
           f"after the resumption lasted at most {bound:.2f} s (longest observed period's bound, or that delay)")
    checks.append(("segments never believed owned by both nodes longer than the claim timeout "
                   "(observed periods, and the resumed node's delay before its first answer)",
                   (sum(1 for ps in periods.values() if all(p[2] <= claim_timeout for p in ps))
                    + (len(before) - len(periods))) if unseen <= claim_timeout else 0, len(before)))
    # the database never has two owners for a segment: one row per (processor, segment) by its primary key; check
    # that every sample saw each segment once and that nothing but the two nodes ever owned one
    strangers = {o for _, owners in sampler.stored for o in owners.values() if o and o not in by_id}
    if strangers:
        failures.append(f"token_entry owners that are neither node: {sorted(strangers)}")

    # final state: every segment one owner, the same in memory and in the token store
    final_owner = owners_at(sampler, lc.elapsed())
    final_memory = {}
    for name in names:
        answered = [s for s in sampler.memory[name] if s[2] is not None]
        for key in (answered[-1][2] if answered else set()):
            final_memory.setdefault(key, []).append(name)
    agreeing = 0
    for key, owner in sorted(final_owner.items()):
        believers = final_memory.get(key, [])
        if len(believers) == 1 and ids[believers[0]] == owner:
            agreeing += 1
        else:
            failures.append(f"at the end {key[0]}/{key[1]}: token_entry owner {owner or 'none'}, "
                            f"processed by {believers or 'no node'}")
    checks.append(("segments with one owner at the end, the same in memory and in token_entry", agreeing,
                   len(final_owner)))

    summary, event_failures, counts = lc.verify_events(schema, load.records)
    for line in summary:
        lc.log(line)
    failures += event_failures
    checks.append(("acknowledged requests whose events are all stored exactly once",
                   counts["acknowledged"] - sum(1 for f in event_failures if f.startswith("acknowledged")),
                   counts["acknowledged"]))
    side_summary, side_failures = lc.verify_command_side(schema)
    lc.log(side_summary)
    failures += side_failures

    a.stop()
    b.stop()
    live = lc.table_hashes(schema)
    positions = lc.misplaced_positions(schema)
    for table, (checked, misplaced, example) in sorted(positions.items()):
        lc.log(f"{table}: {checked - misplaced} of {checked} rows carry their event's own global_index"
               + (f"; e.g. event {example}" if misplaced else ""))
    differing, _ = lc.replay_and_compare(schema, replay_schema, replay_port, workdir, processors, live)
    failures += [f"projection table {t} differs from a full replay" for t in differing]
    checks.append(("projection tables equal to a full replay", len(live) - len(differing), len(live)))

    if not keep:
        lc.drop_schema(schema)
        lc.drop_schema(replay_schema)

    lc.log("two-node check summary:")
    for name, passed, total in checks:
        lc.log(f"  {'PASS' if passed == total else 'FAIL'} {name}: {passed} of {total}")
    failed_checks = [c for c in checks if c[1] != c[2]]
    if failures or failed_checks:
        lc.log(f"two-node check FAILED ({len(failed_checks)} checks, {len(failures)} problems, seed {seed}):")
        for failure in failures[:50]:
            lc.log("  " + failure)
        return 1
    lc.log(f"two-node check passed in {lc.elapsed():.0f} s (seed {seed})")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except lc.CheckFailed as e:
        lc.log(f"two-node check FAILED: {e}")
        sys.exit(1)
