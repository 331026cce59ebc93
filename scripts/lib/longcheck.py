"""Shared machinery of the long checks (scripts/crash-check, scripts/two-nodes-check).

Python 3 standard library only. The checks start the real application jar on PostgreSQL in schemas of their own,
drive it over HTTP like a client would, and read the database with psql. Every process they start is remembered by
its pid and ended at exit; nothing else is touched.
"""

import http.client
import itertools
import base64
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
JAR = REPO / "web-api" / "target" / "asf-plan-tracker.jar"
PROJECTION_MIGRATIONS = REPO / "projections" / "src" / "main" / "resources" / "db" / "migration"

PG_HOST = os.environ.get("LONGCHECK_PGHOST", "127.0.0.1")
PG_PORT = os.environ.get("LONGCHECK_PGPORT", "5432")
PG_DATABASE = os.environ.get("LONGCHECK_PGDATABASE", "test")
PG_USER = os.environ.get("LONGCHECK_PGUSER", "postgres")
PG_PASSWORD = os.environ.get("LONGCHECK_PGPASSWORD", "")

# C1 only and the serial collector: the checks start the application several times, and on a small CI machine
# start-up time is what counts, not peak throughput.
JAVA_OPTS = os.environ.get("LONGCHECK_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m").split()
START_TIMEOUT = float(os.environ.get("LONGCHECK_START_TIMEOUT", "420"))

# Columns of projection tables that may legitimately differ between the live projection and a replay of the same
# events. There are none: every projection column is derived from the events (their payload, metadata, position and
# timestamp), so the comparison covers every column. A column added here is named in the output.
VOLATILE_COLUMNS = {}

_T0 = time.monotonic()
_STARTED = []  # every App this process started, ended at exit


def log(message):
    print(f"[{time.monotonic() - _T0:7.1f}s] {message}", flush=True)


def elapsed():
    return time.monotonic() - _T0


class CheckFailed(Exception):
    pass


# ------------------------------------------------------------------------------------------------------------------
# PostgreSQL through psql
# ------------------------------------------------------------------------------------------------------------------

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_FS, _RS = "\x1f", "\x1e"


def check_name(name):
    if not _NAME.match(name):
        raise ValueError(f"not a plain SQL name: {name!r}")
    return name


def psql(sql, schema=None):
    """Runs SQL (several statements allowed) and returns the rows of the last result as lists of strings."""
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD) if PG_PASSWORD else dict(os.environ)
    prefix = f"set search_path to {check_name(schema)};\n" if schema else ""
    result = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", _FS, "-R", _RS, "-v", "ON_ERROR_STOP=1", "-h", PG_HOST, "-p", PG_PORT,
         "-U", PG_USER, "-d", PG_DATABASE],
        input=prefix + sql, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed: {result.stderr.strip()}\nSQL: {sql[:500]}")
    out = result.stdout
    if out.endswith("\n"):
        out = out[:-1]
    return [record.split(_FS) for record in out.split(_RS) if record != ""]


def reset_schema(schema):
    psql(f"drop schema if exists {check_name(schema)} cascade; create schema {schema};")


def drop_schema(schema):
    psql(f"drop schema if exists {check_name(schema)} cascade;")


def tables(schema):
    return [row[0] for row in psql(
        f"select table_name from information_schema.tables where table_schema = '{check_name(schema)}' "
        "and table_type = 'BASE TABLE' order by table_name")]


def projection_tables():
    """The read-model tables: those the projections module's migrations create (docs/read-models.md: versions from 100 up) and
    do not drop again (V180 builds each state table anew under a temporary name and renames it)."""
    names = set()
    for path in PROJECTION_MIGRATIONS.rglob("*.sql"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)", text,
                                 re.IGNORECASE):
            names.add(match.group(1).lower())
        for match in re.finditer(r"alter\s+table\s+([a-z_][a-z0-9_]*)\s+rename\s+to\s+([a-z_][a-z0-9_]*)", text,
                                 re.IGNORECASE):
            names.discard(match.group(1).lower())
            names.add(match.group(2).lower())
    if not names:
        raise RuntimeError(f"no projection tables found under {PROJECTION_MIGRATIONS}")
    return sorted(names)


# Tables the application manages for itself, neither copied into a replay nor compared: Flyway's history and the
# processors' tokens (a replay starts without any).
BOOKKEEPING_TABLES = {"flyway_schema_history", "token_entry"}


def snapshot_pristine_schema(source, target):
    """Copies the schema as Flyway left it (taken before any event was written) into target, without tokens."""
    drop_schema(target)
    dump = subprocess.run(["pg_dump", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", PG_DATABASE, "-n", source,
                           "--no-owner", "--no-privileges"], capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD=PG_PASSWORD) if PG_PASSWORD else None)
    if dump.returncode != 0:
        raise RuntimeError(f"pg_dump failed: {dump.stderr.strip()}")
    count = int(psql("select count(*) from domain_event_entry", source)[0][0])
    if count:
        raise RuntimeError(f"{source} already holds {count} events: the pristine copy must be taken before any write")
    renamed = re.sub(rf"\b{re.escape(source)}\b", target, dump.stdout)
    restore = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PG_HOST, "-p", PG_PORT, "-U",
                              PG_USER, "-d", PG_DATABASE], input=renamed, capture_output=True, text=True,
                             env=dict(os.environ, PGPASSWORD=PG_PASSWORD) if PG_PASSWORD else None)
    if restore.returncode != 0:
        raise RuntimeError(f"restoring the pristine copy failed: {restore.stderr.strip()[:2000]}")
    psql("delete from token_entry;", target)


def copy_event_store(source, target):
    """Copies the event store and every other command-side table (all but the read models and the bookkeeping)
    from source into the pristine target, so that an application started on target rebuilds every projection from
    the events alone. Returns the copied tables with their row counts."""
    read_models = set(projection_tables())
    copied = {}
    statements = []
    for table in tables(source):
        if table in read_models or table in BOOKKEEPING_TABLES:
            continue
        statements.append(f"delete from {target}.{table}; insert into {target}.{table} select * from {source}.{table};")
        copied[table] = None
    psql("begin;\n" + "\n".join(statements) + "\ncommit;")
    # keep the identity sequences ahead of the copied rows, as they were in the source
    for table, column, sequence in psql(
            f"select c.table_name, c.column_name, pg_get_serial_sequence('{target}.' || c.table_name, c.column_name) "
            f"from information_schema.columns c where c.table_schema = '{target}' "
            "and c.column_default like 'nextval(%'"):
        if table in copied and sequence:
            psql(f"select setval('{sequence}', greatest(1, (select coalesce(max({column}), 0) "
                 f"from {target}.{table})));")
    for table in copied:
        copied[table] = int(psql(f"select count(*) from {target}.{table}")[0][0])
    return copied


def _row_expression(schema, table):
    columns = [row[0] for row in psql(
        f"select column_name from information_schema.columns where table_schema = '{check_name(schema)}' "
        f"and table_name = '{check_name(table)}' order by ordinal_position")]
    kept = [c for c in columns if c not in VOLATILE_COLUMNS.get(table, ())]
    return ("row(" + ", ".join(f'"{c}"' for c in kept) + ")::text") if kept else None


def table_hashes(schema, table_names=None):
    """A canonical hash of each read-model table: every row as PostgreSQL's text form of the row of its columns in
    column order (VOLATILE_COLUMNS left out), sorted bytewise, joined by newlines, md5. Returns {table: (rows, md5)}."""
    result = {}
    for table in table_names or projection_tables():
        row = _row_expression(schema, table)
        if row is None:
            result[table] = (None, "table missing")
            continue
        count, digest = psql(
            f"select count(*), md5(coalesce(string_agg(r, E'\\n' order by r collate \"C\"), '')) "
            f"from (select {row} as r from {schema}.{table}) s")[0]
        result[table] = (int(count), digest)
    return result


def row_differences(live_schema, replay_schema, table, limit=3):
    """A few rows only the live table has and a few only the replayed one has, as text, to show what differs."""
    row = _row_expression(live_schema, table)
    lines = []
    for name, a, b in (("live only", live_schema, replay_schema), ("replay only", replay_schema, live_schema)):
        for (text,) in psql(f"select r from (select {row} as r from {a}.{table} except all "
                            f"select {row} as r from {b}.{table}) x order by r collate \"C\" limit {limit}"):
            lines.append(f"{name}: {text}")
    return lines


def compare_hashes(live, replay, live_schema=None, replay_schema=None):
    """Prints the comparison table by table (with a few differing rows when both schemas are given) and returns the
    tables that differ."""
    differing = []
    for table in sorted(set(live) | set(replay)):
        a, b = live.get(table, (None, "absent")), replay.get(table, (None, "absent"))
        same = a == b
        if not same:
            differing.append(table)
        volatile = VOLATILE_COLUMNS.get(table)
        note = f" (without volatile columns {', '.join(volatile)})" if volatile else ""
        log(f"  {'same' if same else 'DIFFERENT':9} {table}: live {a[0]} rows {a[1][:12]}, "
            f"replay {b[0]} rows {b[1][:12]}{note}")
        if not same and live_schema and replay_schema and a[0] is not None and b[0] is not None:
            for line in row_differences(live_schema, replay_schema, table):
                log(f"      {line[:400]}")
    return differing


# ------------------------------------------------------------------------------------------------------------------
# Catching up: every processor's every segment has passed every event in the store
# ------------------------------------------------------------------------------------------------------------------

def _token_position(token_type, token_json):
    """The global index a stored token has passed and the gaps below it it has not seen, or None if unknown."""
    if not token_json:
        return None, []
    data = json.loads(token_json)
    if "index" in data:
        return int(data["index"]), [int(g) for g in data.get("gaps", [])]
    for key in ("currentToken", "tokenAtReset", "lowerBound"):  # replay and merged tokens wrap another
        if isinstance(data.get(key), dict) and "index" in data[key]:
            inner = data[key]
            return int(inner["index"]), [int(g) for g in inner.get("gaps", [])]
    return None, []


def lag(schema, processors):
    """How far the tokens of the given processors are behind the event store: (head, list of lagging segments)."""
    head = int(psql("select coalesce(max(global_index), 0) from domain_event_entry", schema)[0][0])
    rows = psql("select processor_name, segment, token_type, convert_from(token, 'UTF8') from token_entry", schema)
    seen = {}
    behind = []
    all_gaps = set()
    for name, segment, token_type, token in rows:
        seen.setdefault(name, []).append(int(segment))
        position, gaps = _token_position(token_type, token)
        if position is None or position < head:
            behind.append(f"{name}/{segment}@{position}")
        all_gaps.update(gaps)
    for name in processors:
        if name not in seen:
            behind.append(f"{name}: no tokens")
    if all_gaps:
        filled = psql("select global_index from domain_event_entry where global_index in ("
                      + ",".join(str(g) for g in sorted(all_gaps)) + ")", schema)
        if filled:
            behind.append(f"{len(filled)} events in token gaps not yet handled")
    return head, behind


def wait_caught_up(schema, processors, timeout=300, settle=2.0):
    """Waits until every segment of every named processor has passed the newest event (and no gap below it holds
    an event), twice in a row `settle` seconds apart. Returns (head, seconds waited)."""
    start = time.monotonic()
    last_report = 0
    confirmed = None
    while True:
        head, behind = lag(schema, processors)
        now = time.monotonic()
        if not behind:
            if confirmed == head:
                return head, now - start
            confirmed = head
            time.sleep(settle)
            continue
        confirmed = None
        if now - start > timeout:
            raise CheckFailed(f"{schema}: projections did not catch up with event {head} within {timeout:.0f} s: "
                              + ", ".join(behind[:10]))
        if now - last_report > 15:
            log(f"  waiting for {schema} to catch up with event {head}: {len(behind)} segments behind")
            last_report = now
        time.sleep(0.5)


def processor_names(schema):
    return sorted({row[0] for row in psql("select distinct processor_name from token_entry", schema)
                   if "@" not in row[0]})


# ------------------------------------------------------------------------------------------------------------------
# The application
# ------------------------------------------------------------------------------------------------------------------

class App:
    """One application process on a PostgreSQL schema, started from the built jar."""

    def __init__(self, name, schema, port, workdir, env=None, import_on_start=""):
        self.name, self.schema, self.port = name, schema, port
        self.workdir = Path(workdir)
        self.extra_env = dict(env or {})
        self.import_on_start = import_on_start
        self.proc = None
        self.starts = 0

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def log_path(self):
        return self.workdir / f"{self.name}-{self.starts}.log"

    def start(self):
        self.starts += 1
        env = dict(os.environ)
        env.update({
            "SPRING_PROFILES_ACTIVE": "local",
            "SPRING_DATASOURCE_URL": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{PG_DATABASE}?currentSchema={self.schema}",
            "SPRING_DATASOURCE_USERNAME": PG_USER,
            "SPRING_DATASOURCE_PASSWORD": PG_PASSWORD,
            "SPRING_FLYWAY_SCHEMAS": self.schema,
            "SERVER_PORT": str(self.port),
            "TRACKER_PLANS_IMPORT_ON_START": self.import_on_start,
        })
        env.update(self.extra_env)
        self.workdir.mkdir(parents=True, exist_ok=True)
        out = open(self.log_path(), "w")
        self.proc = subprocess.Popen(["java", *JAVA_OPTS, "-jar", str(JAR)], cwd=self.workdir, env=env,
                                     stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        out.close()
        _STARTED.append(self)
        return self

    def healthy(self):
        status, _body, _error = http_request(self.port, "GET", "/actuator/health", user=None, timeout=2)
        return status == 200

    def wait_healthy(self, timeout=START_TIMEOUT):
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if self.proc.poll() is not None:
                raise CheckFailed(f"{self.name} exited with {self.proc.returncode} while starting; "
                                  f"see {self.log_path()}:\n{self.tail()}")
            if self.healthy():
                return time.monotonic() - start
            time.sleep(0.5)
        raise CheckFailed(f"{self.name} did not answer /actuator/health within {timeout:.0f} s; "
                          f"see {self.log_path()}:\n{self.tail()}")

    def tail(self, lines=30):
        try:
            return "\n".join(self.log_path().read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def signal(self, sig):
        if self.running():
            os.kill(self.proc.pid, sig)

    def kill9(self):
        self.signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self, timeout=60):
        """A graceful stop (SIGTERM); a process that does not end in time is killed."""
        if not self.running():
            return
        self.signal(signal.SIGCONT)
        self.signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill9()


def _end_started():
    for app in _STARTED:
        if app.running():
            try:
                app.signal(signal.SIGCONT)
                app.signal(signal.SIGKILL)
            except OSError:
                pass


def install_cleanup():
    import atexit
    atexit.register(_end_started)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def check_prerequisites():
    if not JAR.exists():
        raise CheckFailed(f"{JAR} is missing: build it with mvn -B -q -DskipTests package")
    for tool in ("psql", "pg_dump", "java"):
        if subprocess.run(["which", tool], capture_output=True).returncode != 0:
            raise CheckFailed(f"{tool} is not on the PATH")
    psql("select 1")


# ------------------------------------------------------------------------------------------------------------------
# HTTP
# ------------------------------------------------------------------------------------------------------------------

def _auth(user):
    return "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()


def http_request(port, method, path, body=None, content_type="application/json", request_id=None,
                 user="coordinator", timeout=60):
    """Returns (status, body text, error): status None when no answer came (refused, reset, timed out)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {}
    if user:
        headers["Authorization"] = _auth(user)
    if body is not None:
        headers["Content-Type"] = content_type
    if request_id:
        headers["X-Request-Id"] = request_id
    try:
        data = body.encode("utf-8") if isinstance(body, str) else body
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace"), None
    except (OSError, http.client.HTTPException) as e:
        return None, "", f"{type(e).__name__}: {e}"
    finally:
        connection.close()


# ------------------------------------------------------------------------------------------------------------------
# Load: several threads sending a mix of one-event and many-event commands, each with its own X-Request-Id
# ------------------------------------------------------------------------------------------------------------------

def _luhn_digit(digits):
    total = 0
    for i, c in enumerate(digits):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


def _date(rng, year_from, month_from, year_to, month_to):
    months = (year_to - year_from) * 12 + (month_to - month_from)
    m = month_from - 1 + rng.randint(0, months)
    return f"{year_from + m // 12:04d}-{m % 12 + 1:02d}-{rng.randint(1, 28):02d}"


_ORG_NUMBERS = itertools.count(1)  # unique organisation numbers across every load of one run
_ORG_LOCK = threading.Lock()

CRITERIA_ASF = {"integrationPurpose": True, "employeeParticipation": True, "profitsReinvested": True,
                "independentOfPublicSector": True}
MEASURES = ["reserved-procurements-begun", "integrationspakten-invitations", "business-advice-to-asf",
            "event-participations", "contracts-awarded-to-asf"]


class Load:
    """Sends commands from `threads` threads until stopped. Every request carries a unique X-Request-Id and is
    logged with the number of events it records when it succeeds, and how it ended: its HTTP status, or no answer.

    `targets()` returns the ports that may be sent to now (the nodes not paused); thread i sends to
    targets()[(i + n) % len] for its n-th request, so every node gets writes."""

    def __init__(self, tag, targets, threads=6, seed=1, request_timeout=60):
        self.tag, self.targets, self.threads, self.seed = tag, targets, threads, seed
        self.request_timeout = request_timeout
        self.records = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []
        self.in_flight = {}

    def _org_number(self):
        with _ORG_LOCK:
            n = next(_ORG_NUMBERS)
        base = f"559{n:06d}"
        return f"{base[:6]}-{base[6:]}{_luhn_digit(base)}"

    def start(self):
        for i in range(self.threads):
            worker = threading.Thread(target=self._run, args=(i,), name=f"load-{i}", daemon=True)
            self._workers.append(worker)
            worker.start()

    def stop(self, wait=True):
        self._stop.set()
        if wait:
            for worker in self._workers:
                worker.join()

    def running_requests(self):
        with self._lock:
            return len(self.in_flight)

    # one worker ----------------------------------------------------------------------------------------------

    def _run(self, index):
        rng = random.Random(self.seed * 1000 + index)
        state = {"enterprises": [], "plans": [], "direct": [], "announced": [], "activities": []}
        n = 0
        while not self._stop.is_set():
            n += 1
            request_id = f"{self.tag}-w{index}-r{n}"
            op, method, path, body, content_type, expected, on_ack = self._choose(rng, state, request_id)
            ports = self.targets()
            if not ports:
                time.sleep(0.2)
                continue
            port = ports[(index + n) % len(ports)]
            record = {"id": request_id, "op": op, "expected": expected, "port": port, "start": elapsed()}
            with self._lock:
                self.in_flight[request_id] = record
            status, text, error = http_request(port, method, path, body, content_type, request_id,
                                               timeout=self.request_timeout)
            record.update(status=status, error=error, end=elapsed())
            if status is not None and 200 <= status < 300:
                on_ack()
            elif status is not None and status >= 500:
                record["body"] = text[:300]
            with self._lock:
                del self.in_flight[request_id]
                self.records.append(record)
            if status is None:
                time.sleep(0.2)  # the node is down or paused: do not spin

    def _choose(self, rng, state, request_id):
        enterprises, plans = state["enterprises"], state["plans"]
        options = [("import-plan", 3), ("register", 5)]
        if enterprises:
            options += [("invite", 3), ("join", 2), ("advice", 2), ("participation", 2), ("meeting", 2)]
        options += [("begin-direct-award", 2), ("begin-announced", 2)]
        if state["direct"]:
            options.append(("award", 3))
        if state["announced"]:
            options.append(("lots", 2))
        if state["activities"]:
            options += [("start", 2), ("progress", 3)]
        op = rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]
        return getattr(self, "_op_" + op.replace("-", "_"))(rng, state, request_id)

    def _op_import_plan(self, rng, state, request_id):
        plan_id = f"p-{request_id}".lower()
        areas, activities, goals = [], [], []
        for a in range(rng.randint(1, 4)):
            acts = []
            for b in range(rng.randint(0, 10)):
                acts.append({"id": f"a{a}-{b}", "kind": rng.choice(["activity", "larger-step", "steering-possibility"]),
                             "title": f"Aktivitet {a}.{b}", "lead": rng.choice(["Socialförvaltningen",
                                                                                "Upphandlingsenheten"]),
                             "timeline": rng.choice(["ongoing", {"from": 2024, "to": 2025}, {"from": 2025}])})
            activities += [x["id"] for x in acts]
            areas.append({"id": f"area-{a}", "name": f"Område {a}", "activities": acts})
        for g in range(rng.randint(0, 3)):
            if rng.random() < 0.7:
                goals.append({"id": f"g{g}", "year": rng.choice([2024, 2025]), "kind": "count",
                              "measure": rng.choice(MEASURES), "indicator": f"Antal {g}", "comparator": "at-least",
                              "target": rng.randint(1, 20), "unit": "st", "decision": {"body": "Kommunstyrelsen"}})
            else:
                goals.append({"id": f"g{g}", "year": 2025, "kind": "manual", "indicator": f"Manuellt {g}",
                              "comparator": "at-least", "target": 3, "unit": "st",
                              "decision": {"body": "Kommunstyrelsen"}})
        plan = {"format": "action-plan/v1", "id": plan_id, "title": f"Plan {request_id}",
                "municipality": "Testby kommun", "adopted": {"on": "2024-01-15", "body": "Kommunstyrelsen"},
                "period": {"from": 2024, "to": 2026}, "areas": areas, "goals": goals}
        expected = 1 + len(areas) + len(activities) + len(goals)

        def ack():
            state["plans"].append(plan_id)
            state["activities"].extend((plan_id, a, False) for a in activities)
        return "import-plan", "POST", "/api/plans/import", json.dumps(plan), "application/json", expected, ack

    def _op_register(self, rng, state, request_id):
        enterprise_id = f"e-{request_id}".lower()
        sole = rng.random() < 0.3
        org = None if sole else self._org_number()
        body = {"enterpriseId": enterprise_id, "name": f"Företag {request_id}",
                "legalForm": "ENSKILD_FIRMA" if sole else rng.choice(["AKTIEBOLAG", "EKONOMISK_FORENING",
                                                                      "AKTIEBOLAG_SVB"]),
                "municipality": "Stockholm", "district": rng.choice(["Skärholmen", "Rinkeby-Kista", "Farsta", None]),
                "criteria": CRITERIA_ASF if rng.random() < 0.8 else dict(CRITERIA_ASF, profitsReinvested=False),
                "occurredOn": _date(rng, 2024, 1, 2024, 1)}
        if org:
            body["organisationNumber"] = org

        def ack():
            state["enterprises"].append((enterprise_id, org))
        return "register", "POST", "/api/enterprises", json.dumps(body), "application/json", 1, ack

    def _enterprise_fact(self, rng, state, op, suffix, body):
        enterprise_id, _org = rng.choice(state["enterprises"])
        return (op, "POST", f"/api/enterprises/{enterprise_id}/{suffix}", json.dumps(body), "application/json", 1,
                lambda: None)

    def _op_invite(self, rng, state, request_id):
        return self._enterprise_fact(rng, state, "invite", "integrationspakten/invitations",
                                     {"occurredOn": _date(rng, 2024, 2, 2025, 12)})

    def _op_join(self, rng, state, request_id):
        return self._enterprise_fact(rng, state, "join", "integrationspakten/membership",
                                     {"level": rng.choice(["member", "plusmedlem", "jobbpartner"]),
                                      "occurredOn": _date(rng, 2024, 2, 2025, 12)})

    def _op_advice(self, rng, state, request_id):
        return self._enterprise_fact(rng, state, "advice", "business-advice",
                                     {"provider": "SBR", "hours": rng.choice([1, 2.5, 4]),
                                      "occurredOn": _date(rng, 2024, 2, 2025, 12)})

    def _op_participation(self, rng, state, request_id):
        return self._enterprise_fact(rng, state, "participation", "event-participations",
                                     {"kind": rng.choice(["EVENT", "SEMINAR", "TENDER_SCHOOL"]),
                                      "eventName": "Anbudsskola", "occurredOn": _date(rng, 2024, 2, 2025, 12)})

    def _op_meeting(self, rng, state, request_id):
        participants = sorted({e for e, _ in rng.sample(state["enterprises"], min(3, len(state["enterprises"])))})
        body = {"meetingId": f"m-{request_id}".lower(), "kind": rng.choice(["DIALOGUE_FORUM", "ROUND_TABLE",
                                                                            "WORKING_MEETING", "TENDER_SCHOOL"]),
                "title": "Möte", "organiser": "Stadsledningskontoret", "participants": participants,
                "occurredOn": _date(rng, 2024, 2, 2025, 12)}
        return "meeting", "POST", "/api/meetings", json.dumps(body), "application/json", 1, lambda: None

    def _op_begin_direct_award(self, rng, state, request_id):
        procurement_id = f"pd-{request_id}".lower()
        body = {"procurementId": procurement_id, "stage": "PLANNED", "authority": rng.choice(["Socialnämnden",
                                                                                            "Fastighetsnämnden"]),
                "subject": "Städning", "cpvCodes": ["90910000-9"], "procedure": "DIRECT_AWARD",
                "occurredOn": _date(rng, 2024, 2, 2024, 6)}
        return ("begin-direct-award", "POST", "/api/procurements", json.dumps(body), "application/json", 1,
                lambda: state["direct"].append(procurement_id))

    def _op_begin_announced(self, rng, state, request_id):
        procurement_id = f"pa-{request_id}".lower()
        body = {"procurementId": procurement_id, "stage": "ANNOUNCED", "authority": "Socialnämnden",
                "subject": "Catering", "cpvCodes": ["55520000-1"], "procedure": "ORDINARY",
                "occurredOn": _date(rng, 2024, 2, 2024, 6)}
        return ("begin-announced", "POST", "/api/procurements", json.dumps(body), "application/json", 1,
                lambda: state["announced"].append(procurement_id))

    def _op_award(self, rng, state, request_id):
        procurement_id = state["direct"].pop(rng.randrange(len(state["direct"])))
        with_number = [org for _, org in state["enterprises"] if org]
        supplier = {"organisationNumber": rng.choice(with_number)} if with_number and rng.random() < 0.8 \
            else {"soleTrader": True}
        body = {"supplier": supplier, "value": rng.randint(10, 200) * 1000,
                "contractPeriod": {"from": "2024-08-01", "to": "2024-12-31"},
                "purchaseKind": rng.choice(["städning", "catering"]), "occurredOn": _date(rng, 2024, 7, 2024, 7)}
        return ("award", "POST", f"/api/procurements/{procurement_id}/award", json.dumps(body), "application/json", 1,
                lambda: None)

    def _op_lots(self, rng, state, request_id):
        procurement_id = state["announced"].pop(rng.randrange(len(state["announced"])))
        body = {"numberOfLots": rng.randint(2, 5), "bidsMayCover": rng.choice(["ONE", "SEVERAL", "ALL"]),
                "occurredOn": _date(rng, 2024, 7, 2024, 9)}
        return ("lots", "POST", f"/api/procurements/{procurement_id}/lots", json.dumps(body), "application/json", 1,
                lambda: None)

    def _op_start(self, rng, state, request_id):
        candidates = [i for i, (_p, _a, started) in enumerate(state["activities"]) if not started]
        if not candidates:
            return self._op_register(rng, state, request_id)
        i = rng.choice(candidates)
        plan_id, activity_id, _ = state["activities"][i]

        def ack():
            state["activities"][i] = (plan_id, activity_id, True)
        return ("start", "POST", f"/api/plans/{plan_id}/activities/{activity_id}/start",
                json.dumps({"occurredOn": _date(rng, 2024, 2, 2024, 3)}), "application/json", 1, ack)

    def _op_progress(self, rng, state, request_id):
        started = [(p, a) for p, a, s in state["activities"] if s]
        if not started:
            return self._op_start(rng, state, request_id)
        plan_id, activity_id = rng.choice(started)
        return ("progress", "POST", f"/api/plans/{plan_id}/activities/{activity_id}/progress-reports",
                json.dumps({"note": f"Lägesrapport {request_id}", "occurredOn": _date(rng, 2024, 4, 2025, 6)}),
                "application/json", 1, lambda: None)


# ------------------------------------------------------------------------------------------------------------------
# The event store against the load's log
# ------------------------------------------------------------------------------------------------------------------

def verify_events(schema, records, allowed_without_request_id=0):
    """Checks every logged request against the events stored under its X-Request-Id:
      acknowledged (2xx)        -> exactly the expected number of events (so none twice, and all of a multi-event
                                   command);
      answered with an error    -> no event at all;
      no answer (crash, pause)  -> none or exactly all (never part of a multi-event command);
    plus: no event carries an unknown request id, every aggregate's sequence numbers run 0..n-1 without a gap or
    repeat, no event identifier is stored twice. Returns (summary lines, failures)."""
    rows = psql("select coalesce(convert_from(meta_data, 'UTF8')::json->>'requestId', ''), count(*) "
                "from domain_event_entry group by 1", schema)
    stored = {rid: int(count) for rid, count in rows}
    failures = []
    counts = {"acknowledged": 0, "acknowledged events": 0, "refused": 0, "unanswered": 0,
              "unanswered present": 0, "unanswered absent": 0, "multi-event acknowledged": 0,
              "multi-event unanswered": 0}
    logged = set()
    for r in records:
        logged.add(r["id"])
        have = stored.get(r["id"], 0)
        status = r.get("status")
        if status is not None and 200 <= status < 300:
            counts["acknowledged"] += 1
            counts["acknowledged events"] += r["expected"]
            if r["expected"] > 1:
                counts["multi-event acknowledged"] += 1
            if have != r["expected"]:
                failures.append(f"acknowledged {r['op']} {r['id']} (HTTP {status}): {have} events stored, "
                                f"{r['expected']} expected")
        elif status is not None:
            counts["refused"] += 1
            if have != 0:
                failures.append(f"refused {r['op']} {r['id']} (HTTP {status}) left {have} events")
        else:
            counts["unanswered"] += 1
            if r["expected"] > 1:
                counts["multi-event unanswered"] += 1
            if have == 0:
                counts["unanswered absent"] += 1
            elif have == r["expected"]:
                counts["unanswered present"] += 1
            else:
                failures.append(f"unanswered {r['op']} {r['id']}: {have} of its {r['expected']} events stored "
                                "(partly written)")
    unknown = {rid: c for rid, c in stored.items() if rid and rid not in logged}
    if unknown:
        failures.append(f"{len(unknown)} request ids in the store that the load never sent: "
                        + ", ".join(sorted(unknown)[:5]))
    without = stored.get("", 0)
    if without != allowed_without_request_id:
        failures.append(f"{without} events without a request id, {allowed_without_request_id} expected")
    bad_sequences = psql(
        "select aggregate_identifier, count(*), min(sequence_number), max(sequence_number), "
        "count(distinct sequence_number) from domain_event_entry group by 1 "
        "having min(sequence_number) <> 0 or max(sequence_number) <> count(*) - 1 "
        "or count(distinct sequence_number) <> count(*) limit 5", schema)
    for aggregate, count, low, high, distinct in bad_sequences:
        failures.append(f"aggregate {aggregate}: {count} events with sequence numbers {low}..{high} "
                        f"({distinct} distinct)")
    duplicates = psql("select count(*) - count(distinct event_identifier) from domain_event_entry", schema)[0][0]
    if int(duplicates):
        failures.append(f"{duplicates} event identifiers stored twice")
    total, aggregates = psql("select count(*), count(distinct aggregate_identifier) from domain_event_entry",
                             schema)[0]
    summary = [
        f"requests logged: {len(records)}; acknowledged {counts['acknowledged']} "
        f"({counts['multi-event acknowledged']} multi-event), refused {counts['refused']}, "
        f"unanswered {counts['unanswered']} ({counts['unanswered present']} fully present, "
        f"{counts['unanswered absent']} absent; {counts['multi-event unanswered']} multi-event)",
        f"events stored: {total} in {aggregates} aggregates; acknowledged requests account for "
        f"{counts['acknowledged events']}",
    ]
    return summary, failures, counts


def verify_command_side(schema):
    """The command-side tables written in the command's transaction agree with the events: a register row for
    every registered enterprise and none other, a direct-award entry for every direct award and none other."""
    failures = []
    registered = int(psql("select count(*) from domain_event_entry where payload_type like "
                          "'%SocialEnterpriseRegisteredEvent'", schema)[0][0])
    register_rows = int(psql("select count(*) from enterprise_register", schema)[0][0])
    orphans = int(psql("select count(*) from enterprise_register r where not exists (select 1 from "
                       "domain_event_entry e where e.aggregate_identifier = r.enterprise_id)", schema)[0][0])
    if registered != register_rows or orphans:
        failures.append(f"enterprise_register has {register_rows} rows ({orphans} without events) for "
                        f"{registered} registrations")
    direct = psql("select count(*) from domain_event_entry e where e.payload_type like '%ContractAwardedEvent' "
                  "and e.aggregate_identifier like 'pd-%'", schema)[0][0]
    entries = psql("select count(*) from direct_award_entry", schema)[0][0]
    unmatched = psql("select count(*) from direct_award_entry d where not exists (select 1 from domain_event_entry e "
                     "where e.aggregate_identifier = d.procurement_id and e.payload_type like '%ContractAwardedEvent')",
                     schema)[0][0]
    if direct != entries or int(unmatched):
        failures.append(f"direct_award_entry has {entries} rows ({unmatched} without an award event) for {direct} "
                        "direct awards")
    summary = f"command-side rows: {register_rows} enterprise_register rows for {registered} registrations, " \
              f"{entries} direct_award_entry rows for {direct} direct awards"
    return summary, failures


def misplaced_positions(schema):
    """Read-model rows that name an event (event_id) and a position (global_index) where the position is not that
    event's own global index in the event store. Returns {table: (rows checked, rows misplaced, example)}."""
    result = {}
    for table in projection_tables():
        columns = {row[0] for row in psql(
            f"select column_name from information_schema.columns where table_schema = '{check_name(schema)}' "
            f"and table_name = '{check_name(table)}'")}
        if not {"event_id", "global_index"} <= columns:
            continue
        checked, misplaced, example = psql(
            f"select count(*), count(*) filter (where f.global_index <> e.global_index), "
            f"coalesce(min(case when f.global_index <> e.global_index then f.event_id || ' at ' || f.global_index "
            f"|| ', stored at ' || e.global_index end), '') "
            f"from {schema}.{table} f join {schema}.domain_event_entry e on e.event_identifier = f.event_id")[0]
        result[table] = (int(checked), int(misplaced), example)
    return result


def replay_and_compare(source, replay_schema, port, workdir, processors, live_hashes):
    """Copies the event store into the pristine replay schema, starts the application there so that every projection
    is built from the events alone, waits until it has caught up and compares every read-model table."""
    copied = copy_event_store(source, replay_schema)
    log("copied into " + replay_schema + ": " + ", ".join(f"{t} {n}" for t, n in sorted(copied.items())))
    app = App("replay", replay_schema, port, workdir)
    app.start()
    took = app.wait_healthy()
    log(f"replay application up in {took:.1f} s (pid {app.pid}); replaying")
    head, waited = wait_caught_up(replay_schema, processors)
    log(f"replay caught up with event {head} in {waited:.1f} s after start")
    app.stop()
    replay_hashes = table_hashes(replay_schema)
    log(f"projections compared table by table ({len(live_hashes)} tables, all columns"
        + ("" if not VOLATILE_COLUMNS else " but the volatile ones named") + "):")
    differing = compare_hashes(live_hashes, replay_hashes, source, replay_schema)
    return differing, replay_hashes
