"""Ranking quality of both systems on the judged set (tests/fixtures/judged): the same
16 personas, nDCG@10 with gain 2^g - 1 (as tests/api/judged.rs), hard-limit violations
(an independent check from the records, as that test) and the top-10 overlap.
Usage: judged.py --dsn DSN --port PORT   (a talentscan server with only the judged catalog)"""
import argparse
import json
import math
import os

from bench import Ours, Peer, overlap
from common import ROOT

J = os.path.join(ROOT, "tests", "fixtures", "judged")


def ndcg(ranked, labels, k=10):
    gain = lambda g: 2.0 ** g - 1.0
    dcg = sum(gain(labels.get(t, 0.0)) / math.log2(i + 2) for i, t in enumerate(ranked[:k]))
    ideal = sorted(labels.values(), reverse=True)[:k]
    idcg = sum(gain(g) / math.log2(i + 2) for i, g in enumerate(ideal))
    return 1.0 if idcg == 0 else dcg / idcg


def haversine(a, b):
    r = 6371.0088
    la1, la2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def violates(t, p):
    remote = t.get("remote") or not t.get("location")
    o = (p.get("travel") or {}).get("origin") or {}
    if not remote and o.get("lat") is not None:
        d = haversine((o["lat"], o["lon"]), (t["location"]["lat"], t["location"]["lon"]))
        if d > p["travel"].get("radius_km", 5.0) + 1e-9:
            return "distance"
    ps = (p.get("availability") or {}).get("slots") or []
    s = t["schedule"]
    ts = s.get("slots") or []
    if ps and not (s.get("on_call") or s.get("flexible") or not ts) and not set(ts) & set(ps):
        return "slot"
    c = p.get("constraints") or {}
    loads, langs = ["low", "medium", "high"], ["A2", "B1", "B2", "C1"]
    if c.get("physical_load") and loads.index(t.get("physical_load", "low")) > loads.index(c["physical_load"]):
        return "load"
    if c.get("language_level") and langs.index(t.get("language_level", "B1")) > langs.index(c["language_level"]):
        return "language"
    h = (p.get("availability") or {}).get("hours_per_week")
    if h is not None and s["hours_per_week"] > h * 1.25 + 1e-9:
        return "hours"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dsn", required=True)
    ap.add_argument("--port", type=int, required=True)
    a = ap.parse_args()
    personas = json.load(open(os.path.join(J, "personas.json")))
    labels = json.load(open(os.path.join(J, "labels.json")))["labels"]
    tasks = {t["id"]: t for t in json.load(open(os.path.join(J, "catalog.json")))["tasks"]}
    ours, peer = Ours(a.port), Peer(a.dsn)
    rows, tot = [], {"talentscan": [0.0, 0], "postgres": [0.0, 0]}
    ovs = []
    for e in personas:
        p = e["persona"]
        ro = ours.run(p)[1]
        rp = peer.run(peer.params(p))[1]
        lab = {k: float(v) for k, v in labels[e["id"]].items()}
        no, np_ = ndcg(ro, lab), ndcg(rp, lab)
        vo = sum(1 for t in ro if violates(tasks[t], p))
        vp = sum(1 for t in rp if violates(tasks[t], p))
        tot["talentscan"][0] += no; tot["talentscan"][1] += vo
        tot["postgres"][0] += np_; tot["postgres"][1] += vp
        ov = overlap(ro, rp)
        ovs.append(ov if ov is not None else 1.0)
        rows.append(f"{e['id']:<14} talentscan {no:.3f}  postgres {np_:.3f}  overlap {ovs[-1]:.1f}")
    n = len(personas)
    print("\n== judged set (tests/fixtures/judged): nDCG@10, gain 2^g-1 ==")
    print("\n".join(rows))
    for s, (t, v) in tot.items():
        print(f"{s:<11} mean nDCG@10 {t / n:.3f}, hard-limit violations {v}")
    print(f"mean top-10 overlap {sum(ovs) / n:.3f}")


if __name__ == "__main__":
    main()
