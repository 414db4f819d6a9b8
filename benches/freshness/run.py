#!/usr/bin/env python3
"""Freshness under writes (issue 12): while upserts stream in through the API, does a
match see each acknowledged write, and how much slower do matches get?

    cargo build --release
    python3 benches/freshness/run.py --data DIR [--upserts 10000] [--writers 2] [--batch 50]

DIR is a data directory (e.g. `talentscan gen` + `talentscan import`, 100k dense tasks);
it is copied, never changed. The script starts target/release/talentscan on the copy with
an admin key and no rate limit, then:
  0. a wait until the machine is idle (index merges and vacuum after an import end; at
     most two minutes), then a warm-up: the readers match for WARMUP seconds (5), not
     counted;
  1. quiet: two readers send matches for QUIET seconds (20) and record each latency
     (each reader is a process of its own, so that the writers' threads never hold the
     interpreter while a match is timed);
  2. writes: WRITERS threads publish `--upserts` new tasks at `--rate` per second (each in
     Zuidwest, with a word no other task has) as a feed would: `POST /v1/tasks/import` with
     BATCH tasks per request (`--batch 1` sends single `PUT /v1/tasks/{id}`), while the two
     readers keep matching; after each acknowledged request its writer asks for a match on
     the last task's word at its place and records how long until that task is in the
     answer (it must be within 1 s). With `--ids N` the upserts update N tasks over and
     over instead (published before step 0), so the catalog matched stays the same;
  3. quiet again, once the cores are idle: QUIET seconds. The p99 under writes is compared
     with both quiet windows together: new tasks land where the readers look, so matches
     after the stream are slower than before it, and the host drifts over a run.
With --read-port and --write-port it starts nothing and uses two running replicas (see
benches/replicas/run.py): writes go to one, matches and the visibility checks to the
other, so the delay is the replica lag.
It prints the latency distributions, the ratio of the p99s (target: at most 2), the
cores each process used, the host's steal time per window and the visibility delays;
exits 1 when a write was not visible within 1 s or a request failed. Standard library only; the client shares the machine with the server.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POSTCODES = ["2532", "2533", "2541", "2542", "2543", "2544", "2545", "2546", "2547", "2548"]
SLOTS = ["mon-morning", "tue-afternoon", "wed-evening", "thu-afternoon", "fri-morning", "sat-morning"]
INTERESTS = ["buurt", "natuur-groen", "jeugd", "taal-leren", "zorg-welzijn", "eten-koken"]


def match_bodies(n=64):
    out = []
    for i in range(n):
        p = {
            "travel": {"origin": {"postcode": POSTCODES[i % len(POSTCODES)]},
                       "radius_km": 1 + i % 10, "mode": "bike"},
            "availability": {"slots": [SLOTS[i % len(SLOTS)], SLOTS[(i * 3) % len(SLOTS)]],
                             "hours_per_week": 2 + i % 6},
            "interests": {INTERESTS[i % len(INTERESTS)]: 1.0},
        }
        out.append(json.dumps({"persona": p}))
    return out


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return idle, sum(fields)


def steal_ticks():
    """(steal, all) ticks of the machine: time the host gave this VM's cores to others."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return fields[7], sum(fields)


def wait_idle(limit, share=0.9):
    """Seconds until the cores were at least `share` idle over two seconds (or `limit`)."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        i0, a0 = cpu_times()
        time.sleep(2.0)
        i1, a1 = cpu_times()
        if a1 > a0 and (i1 - i0) / (a1 - a0) >= share:
            break
    return time.perf_counter() - t0


def process_cpu():
    """CPU seconds so far of every process, by pid: (name, seconds)."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                st = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        fields = st[st.rindex(")") + 2:].split()
        name = os.path.basename(cmd[0].decode(errors="replace")) if cmd and cmd[0] else st[st.index("(") + 1:st.rindex(")")]
        addr = next((c.decode() for c in cmd if c.startswith(b"127.0.0.1:")), "")
        if int(pid) == os.getpid():
            name = "client writers"
        elif name.startswith("python"):
            name = "client readers"
        if name.startswith("postgres"):
            name = "postgres"
        out[int(pid)] = (f"{name} {addr}".strip(), (int(fields[11]) + int(fields[12])) / tick)
        if addr and os.environ.get("FRESHNESS_THREADS"):
            # The server's threads by name (actix workers, blocking pool, column builder,
            # the index's threads): where a replica's cores go.
            for tid in os.listdir(f"/proc/{pid}/task"):
                try:
                    with open(f"/proc/{pid}/task/{tid}/stat") as f:
                        ts = f.read()
                except OSError:
                    continue
                tf = ts[ts.rindex(")") + 2:].split()
                tname = ts[ts.index("(") + 1:ts.rindex(")")].rstrip("0123456789-")
                out[f"{pid}/{tid}"] = (f"  {addr} thread {tname}", (int(tf[11]) + int(tf[12])) / tick)
    return out


def cpu_shares(before, after, seconds):
    """Cores used by each kind of process between two `process_cpu` readings."""
    by = {}
    for pid, (name, t) in after.items():
        t0 = before.get(pid, (name, 0.0))[1]
        by[name] = by.get(name, 0.0) + max(0.0, t - t0)
    top = sorted(by.items(), key=lambda kv: -kv[1])[:16]
    return ", ".join(f"{n} {t / seconds:.2f}" for n, t in top if t > 0)


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round((len(xs) - 1) * q)))] if xs else float("nan")


class Client:
    def __init__(self, port, key=None):
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.h = {"Content-Type": "application/json"}
        if key:
            self.h["Authorization"] = "Bearer " + key

    def req(self, method, path, body):
        self.c.request(method, path, body=body, headers=self.h)
        r = self.c.getresponse()
        data = r.read()
        if r.status // 100 != 2:
            raise RuntimeError(f"{method} {path}: {r.status} {data[:300]!r}")
        return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", help="a data directory to copy and serve (or --read-port/--write-port)")
    ap.add_argument("--read-port", type=int, help="a running replica to match on")
    ap.add_argument("--write-port", type=int, help="a running replica to write to")
    ap.add_argument("--key", help="the admin key of the running replicas")
    ap.add_argument("--upserts", type=int, default=10000)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--rate", type=float, default=200.0,
                    help="upserts per second the feed offers (0: as fast as the server takes them)")
    ap.add_argument("--ids", type=int, default=0,
                    help="update this many tasks (published before the quiet window) instead of "
                         "adding a new task with each upsert")
    ap.add_argument("--no-check", action="store_true",
                    help="do not check that each write is visible (a diagnosis: the write load alone)")
    ap.add_argument("--quiet", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of matches before the quiet phase, not counted")
    ap.add_argument("--port", type=int, default=18390)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/talentscan"))
    a = ap.parse_args()

    work = tempfile.mkdtemp(prefix="ts-fresh-")
    srv = None
    if a.read_port and a.write_port:
        key, read_port, write_port = a.key, a.read_port, a.write_port
    else:
        if not a.data:
            ap.error("--data, or --read-port and --write-port")
        data = os.path.join(work, "data")
        shutil.copytree(a.data, data)
        key = "fresh-admin-" + str(random.randrange(10**9))
        env = dict(os.environ, TALENTSCAN_ADMIN_KEY=key, TALENTSCAN_RATE_LIMIT="0", TALENTSCAN_LOG="warn")
        srv = subprocess.Popen([a.bin, "serve", "--addr", f"127.0.0.1:{a.port}", "--data-dir", data,
                                "--no-sample"], env=env)
        read_port = write_port = a.port
    try:
        for _ in range(2400):
            try:
                Client(read_port).c.request("GET", "/readyz")
                break
            except OSError:
                time.sleep(0.25)
        ready = Client(read_port)
        ready.c.request("GET", "/readyz")
        print("catalog:", ready.c.getresponse().read().decode())
        bodies = match_bodies()
        failures = []

        def reader(out, stop):
            c = Client(read_port)
            i = random.randrange(len(bodies))
            while not stop.is_set():
                i = (i + 1) % len(bodies)
                t = time.perf_counter()
                try:
                    c.req("POST", "/v1/matches", bodies[i])
                except Exception as e:  # noqa: BLE001 - any failure is reported
                    failures.append(str(e))
                    return
                out.append((time.perf_counter() - t) * 1e3)

        def reader_process(stop, results):
            # Its own process: the writers' threads (JSON of 50 tasks a request) would
            # otherwise hold the interpreter lock while a match's clock runs, and the
            # client's waits would count as the server's.
            random.seed(os.getpid())
            out = []
            reader(out, stop)
            results.put((out, failures[:5]))

        steal = []

        def phase(seconds=None, during=None):
            stop = multiprocessing.Event()
            results = multiprocessing.Queue()
            ps = [multiprocessing.Process(target=reader_process, args=(stop, results))
                  for _ in range(2)]
            for p in ps:
                p.start()
            s0 = steal_ticks()
            t0 = time.perf_counter()
            if during:
                during()
            else:
                time.sleep(seconds)
            elapsed = time.perf_counter() - t0
            s1 = steal_ticks()
            steal.append(100.0 * (s1[0] - s0[0]) / max(1, s1[1] - s0[1]))
            stop.set()
            lat = []
            for _ in ps:
                out, errs = results.get()
                lat += out
                failures.extend(errs)
            for p in ps:
                p.join()
            return lat, elapsed

        def task(i):
            # With --ids N the stream updates N tasks over and over (each time with a new
            # word), each at its own place: the catalog the readers match is the same
            # before, during and after the stream.
            j = i % a.ids if a.ids else i
            lat = 52.035 + (j % 97) * 0.0003
            lon = 4.265 + (j % 89) * 0.0004
            word = f"versheid{i}x"
            return lat, lon, word, {
                "id": f"fresh-{j}", "title": f"Nieuwe taak {word}",
                "description": "Een net geplaatste taak.",
                "organisation_id": "syn-org-0", "categories": ["buurt"],
                "location": {"lat": lat, "lon": lon},
                "schedule": {"slots": ["mon-morning"], "frequency": "weekly",
                             "hours_per_week": 2, "flexible": True},
            }

        if a.ids:
            c = Client(write_port, key)
            for first in range(0, a.ids, 500):
                c.req("POST", "/v1/tasks/import",
                      json.dumps([task(i)[3] for i in range(first, min(first + 500, a.ids))]))
            print(f"published the {a.ids} tasks the stream will update")

        # "Quiet" means quiet: after an import the replicas still merge their index
        # segments and PostgreSQL vacuums, for tens of seconds. Wait (at most two
        # minutes) until the machine's cores are at least 90 % idle over two seconds.
        waited = wait_idle(120.0)
        print(f"waited {waited:.0f} s for the machine to be idle")
        # Warm-up, not counted: the first seconds after a start touch cold pages.
        phase(seconds=a.warmup)
        c0 = process_cpu()
        quiet, _ = phase(seconds=a.quiet)
        quiet_cpu = cpu_shares(c0, process_cpu(), a.quiet)

        delays = []
        counter = iter(range(0, a.upserts, a.batch))
        lock = threading.Lock()

        start = [0.0]

        def writer():
            c = Client(write_port, key)
            m = Client(read_port)
            while True:
                with lock:
                    first = next(counter, None)
                if first is None:
                    return
                if a.rate > 0:
                    # The feed offers upsert `first` at this moment, not earlier.
                    delay = start[0] + first / a.rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                batch = [task(i) for i in range(first, min(first + a.batch, a.upserts))]
                try:
                    if a.batch == 1:
                        body = dict(batch[0][3])
                        c.req("PUT", f"/v1/tasks/{body.pop('id')}", json.dumps(body))
                    else:
                        c.req("POST", "/v1/tasks/import", json.dumps([b[3] for b in batch]))
                except Exception as e:  # noqa: BLE001
                    failures.append(str(e))
                    return
                acked = time.perf_counter()
                if a.no_check:
                    continue
                lat, lon, word, last = batch[-1]
                body = json.dumps({
                    "persona": {"travel": {"origin": {"lat": lat, "lon": lon}, "radius_km": 1},
                                "availability": {"slots": ["mon-morning"], "hours_per_week": 4}},
                    "overrides": {"q": word}, "limit": {"tasks": 10, "trainings": 0}})
                while True:
                    try:
                        r = json.loads(m.req("POST", "/v1/matches", body))
                    except Exception as e:  # noqa: BLE001
                        failures.append(str(e))
                        return
                    if any(t["id"] == last["id"] for t in r["tasks"]):
                        delays.append((time.perf_counter() - acked) * 1e3)
                        break
                    if time.perf_counter() - acked > 1.0:
                        delays.append(float("inf"))
                        break
                    time.sleep(0.01)

        def writes():
            start[0] = time.perf_counter()
            ws = [threading.Thread(target=writer) for _ in range(a.writers)]
            for w in ws:
                w.start()
            for w in ws:
                w.join()

        c0 = process_cpu()
        busy, secs = phase(during=writes)
        busy_cpu = cpu_shares(c0, process_cpu(), secs)
        # Quiet again once the writes' merges are done: the machine drifts over a run
        # (other tenants of the host, caches), and one window before the writes is a
        # baseline noisier than the effect measured. The writes are compared with both
        # windows together.
        waited_after = wait_idle(120.0)
        quiet_after, _ = phase(seconds=a.quiet)
        print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}")
        offered = f"offered at {a.rate:.0f}/s" if a.rate > 0 else "as fast as taken"
        if a.ids:
            offered += f", updating {a.ids} tasks"
        print(f"upserts: {a.upserts} by {a.writers} writers, {a.batch} per request, {offered}: "
              f"done in {secs:.1f} s ({a.upserts / secs:.0f}/s); then {waited_after:.0f} s until idle")
        quiet_both = quiet + quiet_after
        for name, xs in (("quiet before", quiet), ("under writes", busy), ("quiet after", quiet_after),
                         ("quiet, both", quiet_both)):
            print(f"matches {name:<13} n={len(xs):>6}  median {percentile(xs, 0.5):7.2f} ms  "
                  f"p99 {percentile(xs, 0.99):7.2f} ms")
        print(f"cores used, quiet: {quiet_cpu}")
        print(f"cores used, under writes: {busy_cpu}")
        print("steal (the host's other guests) in the warm-up, quiet before, writes, quiet after: "
              + ", ".join(f"{x:.1f} %" for x in steal))
        print(f"p99 under writes / quiet before: {percentile(busy, 0.99) / percentile(quiet, 0.99):.2f}×, "
              f"/ quiet after: {percentile(busy, 0.99) / percentile(quiet_after, 0.99):.2f}×")
        ratio = percentile(busy, 0.99) / percentile(quiet_both, 0.99)
        print(f"p99 under writes / quiet (both windows): {ratio:.2f}× (target ≤ 2×)")
        late = [d for d in delays if d > 1000]
        print(f"visibility: {len(delays)} writes checked, median {percentile(delays, 0.5):.1f} ms, "
              f"max {max(delays) if delays else float('nan'):.1f} ms after the acknowledgement; "
              f"{len(late)} later than 1 s")
        if failures:
            print("FAILURES:", failures[:5])
        sys.exit(1 if failures or late else 0)
    finally:
        if srv:
            srv.terminate()
            srv.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
