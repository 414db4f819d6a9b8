#!/usr/bin/env python3
"""PostgreSQL mode and replicas (issue 20): import into PostgreSQL through the API, a new
replica's start from the database alone, a restart that reuses its copy, match latency
against sled mode on the same catalog, and replica lag while upserts stream in.

    cargo build --release
    target/release/talentscan gen --tasks 100000 --trainings 1000 --seed 7 --out /tmp/c100k
    python3 benches/replicas/run.py --catalog /tmp/c100k [--rounds 3] [--skip-latency] [--skip-freshness]

Starts its own PostgreSQL (Debian's, `initdb` into a temporary directory, as the
`postgres` user when run as root) on a free loopback port, then:
  1. replica A (release build, empty data directory, no sample) and the catalog's NDJSON
     files posted to `/v1/{kind}/import` in requests of 5,000 records: the import time;
  2. replica B on an empty data directory: seconds from its start until `/readyz` answers
     200 (it copies the catalog from PostgreSQL and builds its index and columns), the
     same digest as A; then B stopped and started again on its directory (reusing its copy);
  3. the same catalog imported offline into a sled data directory (`talentscan import`) and
     served; single-client match latency (the same 64 bodies) on the sled server and on B,
     alternating ROUNDS times so drift hits both alike;
  4. `benches/freshness/run.py --read-port B --write-port A`: matches on B while upserts go
     to A; the visibility delay it reports is the replica lag (acknowledged on A, in B's
     answer).
Prints every figure with the machine and time. Standard library only.
"""
import argparse
import glob
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benches", "freshness"))
from run import match_bodies, percentile  # noqa: E402


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def as_postgres():
    if os.geteuid() != 0:
        return {}
    import pwd
    pw = pwd.getpwnam("postgres")

    def drop():
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    return {"preexec_fn": drop}


class Postgres:
    def __init__(self, work):
        subprocess.run(["bash", os.path.join(ROOT, "tools/ensure-packages.sh"), "postgres"], check=True)
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
        self.dir = os.path.join(work, "pg")
        os.makedirs(self.dir)
        if os.geteuid() == 0:
            import pwd
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        subprocess.run([f"{self.bin}/initdb", "-D", f"{self.dir}/data", "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--locale=C"], check=True, stdout=subprocess.DEVNULL, **as_postgres())
        self.port = free_port()
        self.proc = subprocess.Popen([f"{self.bin}/postgres", "-D", f"{self.dir}/data", "-p", str(self.port),
                                      "-k", self.dir, "-c", "listen_addresses=127.0.0.1"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **as_postgres())
        for _ in range(300):
            if subprocess.run([f"{self.bin}/pg_isready", "-h", "127.0.0.1", "-p", str(self.port), "-q"]).returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run([f"{self.bin}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-XAtqc", "CREATE DATABASE bench"], check=True)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/bench"

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait()


class Server:
    def __init__(self, bin_, data, key, database_url=None):
        self.port = free_port()
        args = [bin_, "serve", "--addr", f"127.0.0.1:{self.port}", "--data-dir", data, "--no-sample"]
        if database_url:
            args += ["--database-url", database_url]
        env = dict(os.environ, TALENTSCAN_ADMIN_KEY=key, TALENTSCAN_RATE_LIMIT="0", TALENTSCAN_LOG="warn")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(args, env=env)
        self.key = key

    def wait_ready(self, limit=600):
        while time.perf_counter() - self.started < limit:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/readyz")
                r = c.getresponse()
                body = r.read()
                if r.status == 200:
                    return time.perf_counter() - self.started, json.loads(body)
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server not ready")

    def get(self, path):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        c.request("GET", path)
        return json.loads(c.getresponse().read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait()


def post_import(server, kind, lines):
    c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=600)
    body = ("[" + ",".join(lines) + "]").encode()
    c.request("POST", f"/v1/{kind}/import", body=body,
              headers={"Content-Type": "application/json", "Authorization": "Bearer " + server.key})
    r = c.getresponse()
    data = r.read()
    if r.status // 100 != 2:
        raise RuntimeError(f"import {kind}: {r.status} {data[:300]!r}")
    rep = json.loads(data)
    if rep.get("rejected"):
        raise RuntimeError(f"import {kind}: rejected {rep['rejected']}")


def latency(port, bodies, n):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = {"Content-Type": "application/json"}
    out = []
    for i in range(n):
        t = time.perf_counter()
        c.request("POST", "/v1/matches", body=bodies[i % len(bodies)], headers=h)
        r = c.getresponse()
        r.read()
        if r.status != 200:
            raise RuntimeError(f"match: {r.status}")
        out.append((time.perf_counter() - t) * 1e3)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", required=True, help="directory with organisations/tasks/trainings .ndjson")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/talentscan"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--skip-freshness", action="store_true")
    ap.add_argument("--upserts", type=int, default=10000)
    ap.add_argument("--no-check", action="store_true", help="passed to the freshness bench")
    ap.add_argument("--ids", type=int, default=0, help="passed to the freshness bench")
    a = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}; "
          f"catalog {a.catalog}")
    work = tempfile.mkdtemp(prefix="ts-replicas-")
    os.chmod(work, 0o755)  # PostgreSQL runs as its own user below it
    key = "bench-admin-" + str(random.randrange(10**9))
    pg = Postgres(work)
    servers = []
    try:
        a_srv = Server(a.bin, os.path.join(work, "a"), key, pg.url)
        servers.append(a_srv)
        a_srv.wait_ready()
        t0 = time.perf_counter()
        n = 0
        for kind in ("organisations", "tasks", "trainings"):
            with open(os.path.join(a.catalog, f"{kind}.ndjson")) as f:
                chunk = []
                for line in f:
                    if line.strip():
                        chunk.append(line.strip())
                    if len(chunk) == 5000:
                        post_import(a_srv, kind, chunk)
                        n += len(chunk)
                        chunk = []
                if chunk:
                    post_import(a_srv, kind, chunk)
                    n += len(chunk)
        took = time.perf_counter() - t0
        ra = a_srv.get("/readyz?digest=true")
        print(f"1. import through the API into PostgreSQL mode: {n} records in {took:.1f} s "
              f"({n / took:.0f}/s); replica A holds {ra['store']}")

        b_dir = os.path.join(work, "b")
        b = Server(a.bin, b_dir, key, pg.url)
        servers.append(b)
        secs, _ = b.wait_ready()
        rb = b.get("/readyz?digest=true")
        print(f"2. new replica B from PostgreSQL alone: ready {secs:.1f} s after start; "
              f"same digest as A: {rb['digest'] == ra['digest']}; sequence {rb['sequence']}")
        b.stop()
        servers.remove(b)
        b = Server(a.bin, b_dir, key, pg.url)
        servers.append(b)
        secs, _ = b.wait_ready()
        print(f"   B restarted on its own copy: ready {secs:.1f} s after start")

        if not a.skip_latency:
            sled_dir = os.path.join(work, "sled")
            files = [os.path.join(a.catalog, f"{k}.ndjson") for k in ("organisations", "tasks", "trainings")]
            subprocess.run([a.bin, "import", "--data-dir", sled_dir, "--no-sample", *files], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, TALENTSCAN_LOG="warn"))
            s = Server(a.bin, sled_dir, key)
            servers.append(s)
            s.wait_ready()
            bodies = match_bodies()
            for srv in (s, b):
                latency(srv.port, bodies, 300)  # warm-up
            res = {"sled": [], "postgresql": []}
            for r in range(a.rounds):
                for name, srv in (("sled", s), ("postgresql", b)) if r % 2 == 0 else (("postgresql", b), ("sled", s)):
                    xs = latency(srv.port, bodies, a.requests)
                    res[name].append((percentile(xs, 0.5), percentile(xs, 0.99)))
            print(f"3. match latency, one client, {a.requests} matches a round, {a.rounds} rounds alternating:")
            for name, rs in res.items():
                print(f"   {name:<10} " + "  ".join(f"{m:.2f} / {p:.2f} ms" for m, p in rs) + "  (median / p99)")
            s.stop()
            servers.remove(s)

        if not a.skip_freshness:
            print("4. replica lag: upserts to A, matches and visibility checks on B")
            sys.stdout.flush()
            rc = subprocess.run([sys.executable, os.path.join(ROOT, "benches/freshness/run.py"),
                                 "--read-port", str(b.port), "--write-port", str(a_srv.port), "--key", key,
                                 "--upserts", str(a.upserts), "--ids", str(a.ids)]
                                + (["--no-check"] if a.no_check else [])).returncode
            if rc != 0:
                print("   freshness reported a failure or a write later than 1 s")
    finally:
        for srv in servers:
            srv.stop()
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
