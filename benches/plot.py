#!/usr/bin/env python3
"""Draws benches/latency.svg: median and p99 match latency against catalog size, log-log,
for every system in the results CSVs (columns size, system, median_ms, p99_ms):
benches/peer/results.csv (talentscan and PostgreSQL, client-side over loopback, from
benches/peer/run.sh) and benches/latency.csv (talentscan and the two floors in-process,
from `cargo bench --bench latency` with LATENCY_CSV). Standard library only.

    python3 benches/plot.py [OUT_SVG] [CSV ...]
"""
import csv
import math
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "benches/latency.svg"
srcs = sys.argv[2:] or ["benches/peer/results.csv", "benches/latency.csv"]
src = ", ".join(srcs)

# The peer run times talentscan over HTTP; the latency bench in-process: label them apart.
HTTP = {"talentscan": "talentscan (HTTP)", "postgres": "PostgreSQL (client)"}
rows = []
for path in srcs:
    for r in csv.DictReader(open(path)):
        if r["system"] == "talentscan_without_words":
            continue
        if path.endswith("results.csv"):
            r["system"] = HTTP.get(r["system"], r["system"])
        elif r["system"] == "talentscan":
            r["system"] = "talentscan (in-process)"
        rows.append(r)
systems = sorted({r["system"] for r in rows})
sizes = sorted({int(r["size"]) for r in rows})
vals = [float(r[k]) for r in rows for k in ("median_ms", "p99_ms")]

W, H, L, R, T, B = 800, 470, 80, 220, 60, 60
x0, x1 = math.log10(min(sizes)) - 0.15, math.log10(max(sizes)) + 0.15
y0, y1 = math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)))


def px(size):
    return L + (math.log10(size) - x0) / (x1 - x0) * (W - L - R)


def py(ms):
    return H - B - (math.log10(ms) - y0) / (y1 - y0) * (H - T - B)


colours = ["#b71c1c", "#0d47a1", "#1b5e20", "#e65100", "#4a148c", "#006064"]
svg = [
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
    'font-family="sans-serif" font-size="12" role="img" aria-labelledby="t">',
    f'<title id="t">Match latency against catalog size (log-log), from {src}</title>',
    f'<rect width="{W}" height="{H}" fill="white"/>',
    f'<text x="{L}" y="22" font-size="15" font-weight="bold">Match latency vs catalog size</text>',
    f'<text x="{L}" y="40">solid = median, dashed = p99; HTTP and client over loopback, the rest in-process</text>',
]
for e in range(y0, y1 + 1):
    y = py(10**e)
    svg.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
    label = f"{10**e:g} ms"
    svg.append(f'<text x="{L - 8}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
for s in sizes:
    x = px(s)
    svg.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#eee"/>')
    label = f"{s // 1000}k" if s < 1_000_000 else f"{s // 1_000_000}M"
    svg.append(f'<text x="{x:.1f}" y="{H - B + 18}" text-anchor="middle">{label} tasks</text>')
for i, name in enumerate(systems):
    c = colours[i % len(colours)]
    pts = sorted((int(r["size"]), float(r["median_ms"]), float(r["p99_ms"]))
                 for r in rows if r["system"] == name)
    for k, dash in ((1, ""), (2, ' stroke-dasharray="6 4"')):
        path = " ".join(f"{px(p[0]):.1f},{py(p[k]):.1f}" for p in pts)
        svg.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2.5"{dash}/>')
        for p in pts:
            svg.append(f'<circle cx="{px(p[0]):.1f}" cy="{py(p[k]):.1f}" r="3.5" fill="{c}"/>')
    ly = T + 20 + i * 22
    svg.append(f'<line x1="{W - R + 15}" y1="{ly}" x2="{W - R + 45}" y2="{ly}" stroke="{c}" stroke-width="2.5"/>')
    svg.append(f'<text x="{W - R + 52}" y="{ly + 4}">{name}</text>')
svg.append("</svg>")
open(out, "w").write("\n".join(svg) + "\n")
print(f"wrote {out} ({len(systems)} systems, {len(sizes)} sizes)")
