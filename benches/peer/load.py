"""Loads a `talentscan gen` catalog (organisations.ndjson, tasks.ndjson) into PostgreSQL
with COPY: schema.sql, COPY, indexes.sql (GiST, partial btree, GIN), VACUUM ANALYZE.
Usage: load.py DSN DIR [--tasks-json FILE]   (a JSON object with "organisations" and "tasks"
is accepted too, for the judged set)."""
import json
import os
import sys
import time

import psycopg

from common import TASK_COLUMNS, Taxonomies, task_row

HERE = os.path.dirname(os.path.abspath(__file__))


def records(path):
    with open(path) as f:
        if path.endswith(".ndjson"):
            for line in f:
                if line.strip():
                    yield json.loads(line)
        else:
            yield from json.load(f)


def load(dsn, orgs, tasks):
    tax = Taxonomies()
    org_names = {o["id"]: o["name"] for o in orgs}
    t0 = time.time()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(open(os.path.join(HERE, "schema.sql")).read())
        n = 0
        with conn.transaction():
            with conn.cursor() as cur:
                cols = ", ".join(TASK_COLUMNS)
                with cur.copy(f"COPY task ({cols}) FROM STDIN") as cp:
                    for t in tasks:
                        cp.write_row(task_row(tax, t, org_names))
                        n += 1
        t1 = time.time()
        conn.execute(open(os.path.join(HERE, "indexes.sql")).read())
        conn.execute("VACUUM (ANALYZE) task")
        t2 = time.time()
        size = conn.execute("SELECT pg_size_pretty(pg_total_relation_size('task'))").fetchone()[0]
    print(f"postgres: loaded {n} tasks: COPY {t1 - t0:.1f} s, indexes + VACUUM ANALYZE {t2 - t1:.1f} s, "
          f"table+indexes {size}", flush=True)
    return n, t1 - t0, t2 - t1


def main():
    dsn, src = sys.argv[1], sys.argv[2]
    if os.path.isdir(src):
        orgs = list(records(os.path.join(src, "organisations.ndjson")))
        tasks = records(os.path.join(src, "tasks.ndjson"))
    else:
        with open(src) as f:
            cat = json.load(f)
        orgs, tasks = cat["organisations"], cat["tasks"]
    load(dsn, orgs, tasks)


if __name__ == "__main__":
    main()
