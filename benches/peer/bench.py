"""Runs the same personas against talentscan (POST /v1/matches over one keep-alive HTTP
connection) and the PostgreSQL peer (one server-side prepared statement), interleaved in
one run, timing each request client-side over loopback. Prints median/p99 for both, the
ratio and the mean overlap of the top-10 ids; appends rows to the CSV.
Usage: bench.py --dsn DSN --port PORT --personas FILE --size N [--rounds R] [--csv FILE]"""
import argparse
import csv
import http.client
import json
import os
import statistics
import time

import psycopg

from common import Taxonomies, load_weights, params

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = "p.box @> pt AND earth_distance(p.o, pt) <= %(radius_m)s::float8"


def sql_texts():
    q = open(os.path.join(HERE, "query.sql")).read()
    return q.replace("{GEO}", GEO), q.replace("{GEO}", "TRUE")


class Ours:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.bytes = 0

    def get(self, path):
        t0 = time.perf_counter()
        self.conn.request("GET", path)
        data = self.conn.getresponse().read()
        return time.perf_counter() - t0, data

    def server_seconds(self):
        """(sum, count) of the server's own /v1/matches latency histogram."""
        s = c = 0.0
        for line in self.get("/metrics")[1].decode().splitlines():
            if 'route="/v1/matches"' in line and line.startswith("talentscan_http_request_duration_seconds_sum"):
                s = float(line.split()[-1])
            if 'route="/v1/matches"' in line and line.startswith("talentscan_http_request_duration_seconds_count"):
                c = float(line.split()[-1])
        return s, c

    def run(self, persona, limit=10):
        body = json.dumps({"persona": persona, "limit": {"tasks": limit, "trainings": 0}})
        t0 = time.perf_counter()
        self.conn.request("POST", "/v1/matches", body, {"Content-Type": "application/json"})
        resp = self.conn.getresponse()
        data = resp.read()
        dt = time.perf_counter() - t0
        self.bytes += len(data)
        if resp.status != 200:
            raise RuntimeError(f"talentscan {resp.status}: {data[:500]!r}")
        return dt, [t["id"] for t in json.loads(data)["tasks"]]


class Peer:
    def __init__(self, dsn):
        self.conn = psycopg.connect(dsn, autocommit=True)
        self.geo, self.nogeo = sql_texts()
        self.tax, self.w = Taxonomies(), load_weights()

    def params(self, persona, limit=10):
        p = params(self.tax, self.w, persona)
        p["limit"] = limit
        return p

    def run(self, prm):
        sql = self.geo if prm["lat"] is not None else self.nogeo
        t0 = time.perf_counter()
        rows = self.conn.execute(sql, prm, prepare=True).fetchall()
        dt = time.perf_counter() - t0
        return dt, [r[0] for r in rows]


def pct(xs, q):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(q * (len(xs) - 1)))))
    return xs[k]


def overlap(a, b):
    n = max(len(a), len(b))
    return None if n == 0 else len(set(a) & set(b)) / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dsn", default="dbname=peer")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--personas", default=os.path.join(HERE, "personas.json"))
    ap.add_argument("--size", type=int, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--csv", default=os.path.join(HERE, "results.csv"))
    a = ap.parse_args()
    personas = json.load(open(a.personas))
    ours, peer = Ours(a.port), Peer(a.dsn)
    prms = [peer.params(p) for p in personas]
    # Warm-up: one untimed pass each (caches, prepared plans, page cache); keep the ids.
    top_o, top_p = [], []
    for p, prm in zip(personas, prms):
        top_o.append(ours.run(p)[1])
        top_p.append(peer.run(prm)[1])
    t_o, t_p = [], []
    s0, c0 = ours.server_seconds()
    ours.bytes = 0
    for r in range(a.rounds):
        for i, (p, prm) in enumerate(zip(personas, prms)):
            # alternate who goes first so neither always runs on a warmer CPU
            if (i + r) % 2 == 0:
                t_o.append(ours.run(p)[0])
                t_p.append(peer.run(prm)[0])
            else:
                t_p.append(peer.run(prm)[0])
                t_o.append(ours.run(p)[0])
    s1, c1 = ours.server_seconds()
    server_ms = (s1 - s0) / max(c1 - c0, 1) * 1e3
    resp_kb = ours.bytes / max(len(t_o), 1) / 1024
    # Floors: one keep-alive HTTP round trip, one prepared SELECT 1.
    floor_o = statistics.median(ours.get("/healthz")[0] for _ in range(200)) * 1e3
    floor_p = statistics.median(
        (lambda t0: (peer.conn.execute("SELECT 1", prepare=True).fetchall(), time.perf_counter() - t0)[1])(time.perf_counter())
        for _ in range(200)) * 1e3
    # How many of each top-10 match the person's words (full-text, dutch), for personas with words.
    wm_o = wm_p = n_w = 0
    for p, o, q in zip(personas, top_o, top_p):
        if "words" in p:
            tq = "replace(plainto_tsquery('dutch', %s)::text, '&', '|')::tsquery"
            cnt = lambda ids: peer.conn.execute(
                f"SELECT count(*) FROM task WHERE id = ANY(%s) AND tsv @@ {tq}", (ids, p["words"])).fetchone()[0]
            wm_o += cnt(o); wm_p += cnt(q); n_w += 1
    ov = [x for x in (overlap(o, q) for o, q in zip(top_o, top_p)) if x is not None]
    ov_w = [x for x, p in ((overlap(o, q), pp) for o, q, pp in zip(top_o, top_p, personas))
            if x is not None for _ in [0] if "words" in p]
    ov_nw = [overlap(o, q) for o, q, p in zip(top_o, top_p, personas)
             if "words" not in p and overlap(o, q) is not None]
    short = sum(1 for o in top_o if len(o) < 10)
    mismatch_len = sum(1 for o, q in zip(top_o, top_p) if len(o) != len(q))
    mo, mp = statistics.median(t_o) * 1e3, statistics.median(t_p) * 1e3
    po, pp = pct(t_o, 0.99) * 1e3, pct(t_p, 0.99) * 1e3
    print(f"\n== {a.size} tasks: {len(personas)} personas x {a.rounds} rounds, interleaved ==")
    print(f"{'system':<12}{'median ms':>11}{'p99 ms':>10}{'mean ms':>10}")
    print(f"{'talentscan':<12}{mo:>11.3f}{po:>10.3f}{statistics.mean(t_o) * 1e3:>10.3f}")
    print(f"{'postgres':<12}{mp:>11.3f}{pp:>10.3f}{statistics.mean(t_p) * 1e3:>10.3f}")
    print(f"ratio postgres/talentscan: median {mp / mo:.1f}x, p99 {pp / po:.1f}x")
    print(f"top-10 overlap: mean {statistics.mean(ov):.3f} over {len(ov)} personas "
          f"(with words {statistics.mean(ov_w) if ov_w else float('nan'):.3f}, "
          f"without {statistics.mean(ov_nw) if ov_nw else float('nan'):.3f}); "
          f"identical top-10 lists: {sum(1 for o, q in zip(top_o, top_p) if o == q)}; "
          f"talentscan < 10 results: {short}; result-count mismatches: {mismatch_len}")
    print(f"talentscan: server-side mean {server_ms:.3f} ms (its /metrics histogram), response {resp_kb:.1f} KiB; "
          f"floors: HTTP GET /healthz {floor_o:.3f} ms, postgres SELECT 1 {floor_p:.3f} ms")
    if n_w:
        print(f"personas with words ({n_w}): top-10 entries that match the words: "
              f"talentscan {wm_o / n_w:.2f}, postgres {wm_p / n_w:.2f}")
    new = not os.path.exists(a.csv)
    with open(a.csv, "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["size", "system", "median_ms", "p99_ms", "mean_ms", "n", "top10_overlap"])
        w.writerow([a.size, "talentscan", f"{mo:.3f}", f"{po:.3f}",
                    f"{statistics.mean(t_o) * 1e3:.3f}", len(t_o), f"{statistics.mean(ov):.3f}"])
        w.writerow([a.size, "postgres", f"{mp:.3f}", f"{pp:.3f}",
                    f"{statistics.mean(t_p) * 1e3:.3f}", len(t_p), f"{statistics.mean(ov):.3f}"])
    with open(os.path.join(os.path.dirname(a.csv), f"tops-{a.size}.json"), "w") as f:
        json.dump({"talentscan": top_o, "postgres": top_p}, f)


if __name__ == "__main__":
    main()
