"""Writes the 200 personas of benches/matching.rs (same LCG, seed 42, same draws in the same
order) as JSON, in the contract format of POST /v1/matches. Deterministic."""
import json
import math
import sys

M64 = (1 << 64) - 1
WORDS = ["koken", "tuin", "taal", "fietsen repareren", "ouderen", "kinderen voorlezen"]
CATS = ["buurt", "eten-koken", "natuur-groen", "ouderen", "jeugd", "taal-leren",
        "klussen-techniek", "zorg-welzijn"]
MODES = ["walk", "bike", "public_transport", "car"]
GOALS = ["not_for_me", "not_now", "exploring", "preparing", "searching"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PARTS = ["morning", "afternoon", "evening"]


class Lcg:
    def __init__(self, s):
        self.s = s

    def next(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & M64
        return (self.s >> 11) / float(1 << 53)


def rust_round(x):
    """f64::round: half away from zero."""
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def personas(n):
    r = Lcg(42)
    out = []
    for i in range(n):
        lat = 52.045 + (r.next() - 0.5) * 0.06
        lon = 4.275 + (r.next() - 0.5) * 0.09
        radius = 1.0 + r.next() * 9.0
        mode = MODES[int(r.next() * 4.0) % 4]
        n_slots = 1 + int(r.next() * 8.0)
        slots = sorted({int(r.next() * 21.0) % 21 for _ in range(n_slots)})
        hours = 1.0 + r.next() * 7.0
        interests = {}
        interests[CATS[int(r.next() * 8.0) % 8]] = 1.0
        interests[CATS[int(r.next() * 8.0) % 8]] = 0.6  # overwrites when the same
        mot = [rust_round(min(max(r.next(), 0.0), 1.0) * 100.0) / 100.0 for _ in range(6)]
        goal = GOALS[int(r.next() * 5.0) % 5]
        allowance = r.next() < 0.3
        kennen = rust_round(min(max(r.next() * 100.0, 0.0), 100.0))
        p = {
            "kkwz": {"kennen": kennen, "kunnen": 50.0, "willen": 50.0, "zijn": 50.0},
            "interests": dict(sorted(interests.items())),
            "motivations": dict(zip(["values", "understanding", "social", "career",
                                     "protective", "enhancement"], mot)),
            "availability": {"slots": [f"{DAYS[s // 3]}-{PARTS[s % 3]}" for s in slots],
                             "hours_per_week": hours},
            "travel": {"origin": {"lat": lat, "lon": lon}, "radius_km": radius, "mode": mode},
            "work_goal": goal,
            "needs": {"allowance": allowance, "certificate": False, "guidance": "medium",
                      "first_step": False},
        }
        if i % 4 == 0:
            p["words"] = WORDS[int(r.next() * 6.0) % 6]
        out.append(p)
    return out


if __name__ == "__main__":
    ps = personas(200)
    with open(sys.argv[1], "w") as f:
        json.dump(ps, f, indent=1)
        f.write("\n")
    print(f"wrote {len(ps)} personas to {sys.argv[1]}")
