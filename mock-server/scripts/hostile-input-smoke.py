#!/usr/bin/env python3
"""The nine findings of the hardening review (issue 12), tried against the standalone jar with plain HTTP.

Usage: python3 mock-server/scripts/hostile-input-smoke.py mock-server/target/count-mock-server.jar
Starts the jar on 127.0.0.1:18290 with a data directory in /tmp, attacks it, restarts it, prints one line a check
and "N passed, M failed"; needs only python3 and java. The mock's own suite has the same checks as JUnit tests."""
import gzip, hashlib, hmac, http.client, json, os, subprocess, sys, time, uuid

JAR = sys.argv[1]
PORT = 18290
DATA = "/tmp/attack-state"
SECRET = b"demo-secret"


def start():
    p = subprocess.Popen(["java", "-jar", JAR, "--port", str(PORT), "--data-dir", DATA],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in p.stdout:
        if "variants" in line:
            break
    return p


def call(method, path, body=b"", headers=None, sign=True, ts_offset=0, body_hash=None, bearer="demo-access-token"):
    h = dict(headers or {})
    if sign:
        ts = str(int(time.time()) + ts_offset)
        signed = path.split("?")[0]
        if signed.startswith("/partners"):
            signed = signed[len("/partners"):]
        bh = body_hash if body_hash is not None else (hashlib.sha256(body).hexdigest() if body else "")
        base = f"{method}:{signed}:{ts}:{bh}"
        h.update({"x-client-id": "demo-client", "x-timestamp": ts,
                  "x-signature": hmac.new(SECRET, base.encode(), hashlib.sha256).hexdigest()})
        if bearer:
            h["Authorization"] = "Bearer " + bearer
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=20)
    try:
        c.request(method, path, body=body or None, headers=h)
        r = c.getresponse()
        data = r.read()
        return r.status, r.getheader("Content-Type", ""), data
    except Exception as e:  # a dropped connection, a hang
        return "EXC " + type(e).__name__, "", b""
    finally:
        c.close()


results = []


def check(name, got, ok):
    status, ctype, data = got
    good = ok(status) and (not isinstance(status, int) or status < 500) and "html" not in ctype.lower() \
        and b"Exception" not in data and b"at io.camelcount" not in data
    results.append(good)
    print(("PASS " if good else "FAIL ") + name + f" -> {status} {data[:140]!r}")


subprocess.run(["rm", "-rf", DATA])
p = start()
J = {"Content-Type": "application/json"}
customers = json.loads(call("GET", "/partners/customers")[2])["data"]["records"]
products = json.loads(call("GET", "/partners/products")[2])["data"]["records"]
body = json.dumps({"customerUuid": customers[0]["id"], "date": time.strftime("%Y-%m-%d"),
                   "products": [{"productUuid": products[0]["id"], "quantity": 1, "unitPrice": 10}]},
                  separators=(",", ":")).encode()
# 1. another workspace through the internal header, in several spellings
for spelling in ["x-count-mock-workspace", "X-COUNT-MOCK-WORKSPACE", "X-Count-Mock-Workspace"]:
    check("1 workspace header " + spelling, call("GET", "/partners/invoices", headers={spelling: str(uuid.uuid4())}),
          lambda s: s == 200)
# 2. faults chosen by a client
for value in ["drop", "delay:9999999999999", "bogus", "delay:abc"]:
    check("2 fault header " + value, call("GET", "/partners/invoices", headers={"x-count-mock-fault": value}),
          lambda s: s == 200)
# 3. a JSON create as multipart, signed with an empty body hash
for ctype in ["multipart/form-data", 'application/json; x="multipart/"']:
    check("3 body outside the signature: " + ctype,
          call("POST", "/partners/invoices", body, {"Content-Type": ctype}, body_hash=""), lambda s: s in (400, 401))
# 4. 500s before authentication
check("4 bad escape", call("GET", "/partners/invoices?search=%zz", sign=False), lambda s: s == 400)
check("4 multipart without boundary", call("POST", "/partners/invoices", b"--x\r\n", {"Content-Type": "multipart/form-data"},
                                          sign=False), lambda s: 400 <= s < 500)
check("4 form a=%zz", call("POST", "/partners/invoices", b"a=%zz", {"Content-Type": "application/x-www-form-urlencoded"},
                           sign=False), lambda s: 400 <= s < 500)
check("4 number 1e2147483648", call("POST", "/partners/invoices", b'{"discount":1e2147483648}', J), lambda s: s == 400)
# 5. null resets a template's schedule
template = dict(json.loads(body), recurrencePattern="monthly")
tid = json.loads(call("POST", "/partners/recurring-invoice-templates", json.dumps(template).encode(), J)[2])["data"]["id"]
for field in ["recurrenceInterval", "inAdvanceCreationDays"]:
    check("5 null " + field, call("PATCH", "/partners/recurring-invoice-templates/" + tid,
                                  json.dumps({field: None}).encode(), J), lambda s: s == 200)
# 6. memory before authentication
check("6 undeclared gzip", call("POST", "/partners/invoices", gzip.compress(b"0" * 5_000_000), J, sign=False),
      lambda s: 400 <= s < 500)
check("6 20 MB body", call("POST", "/partners/invoices", b" " * 20_000_000, J, sign=False), lambda s: s == 413)
# 7. the admin surface
check("7 shutdown without a token", call("POST", "/__admin/shutdown", sign=False), lambda s: s in (401, 403))
listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
bound = [l for l in listening.splitlines() if f":{PORT} " in l]
results.append(all("127.0.0.1:" in l or "127.0.0.1]:" in l for l in bound) and bound != [])
print(("PASS " if results[-1] else "FAIL ") + "7 bound to loopback only: " + " | ".join(l.split()[3] for l in bound))
# 8. the timestamp window
check("8 timestamp +300 s", call("GET", "/partners/invoices", ts_offset=300), lambda s: s == 200)
check("8 timestamp +301 s", call("GET", "/partners/invoices", ts_offset=301), lambda s: s == 401)
check("8 timestamp -301 s", call("GET", "/partners/invoices", ts_offset=-301), lambda s: s == 401)
# 9. state across a restart: an invoice and a rotated refresh token
inv = json.loads(call("POST", "/partners/invoices", body, J)[2])["data"]["id"]
refresh = json.dumps({"grantType": "refresh_token", "refreshToken": "demo-refresh-token"}).encode()
pair = json.loads(call("POST", "/partners/refresh-user-access-token", refresh, J, bearer=None)[2])["data"]["result"]
p.terminate(); p.wait()
p = start()
check("9 invoice after restart", call("GET", "/partners/invoices/" + inv, bearer=pair["accessToken"]), lambda s: s == 200)
again = json.dumps({"grantType": "refresh_token", "refreshToken": pair["refreshToken"]}).encode()
check("9 rotated refresh token after restart", call("POST", "/partners/refresh-user-access-token", again, J, bearer=None),
      lambda s: s == 200)
check("9 old refresh token still refused", call("POST", "/partners/refresh-user-access-token", refresh, J, bearer=None),
      lambda s: s == 403)
p.terminate(); p.wait()
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
