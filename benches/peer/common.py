"""Shared by the loader and the runner: taxonomies, the task row (the attributes the SQL
reads) and the persona parameters. Both mirror talentscan's `ranking::features`
(`Row::from_task`, `Prepared::new`) so the peer filters and scores on the same facts."""
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

MOTIVES = ["values", "understanding", "social", "career", "protective", "enhancement"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PARTS = ["morning", "afternoon", "evening"]
LOADS = ["low", "medium", "high"]
LANGS = ["A2", "B1", "B2", "C1"]
PER_MONTH = {"weekly": 4.0, "biweekly": 2.0, "monthly": 1.0, "occasional": 0.5, "once": 0.1}
TAGS = ["wheelchair", "low_dutch", "no_dutch_needed", "school_internship", "with_children"]


def load_weights():
    with open(os.path.join(ROOT, "data", "ranking", "weights.json")) as f:
        return json.load(f)


class Taxonomies:
    def __init__(self):
        d = os.path.join(ROOT, "data")
        with open(os.path.join(d, "categories.json")) as f:
            self.categories = json.load(f)["categories"]
        with open(os.path.join(d, "skills.json")) as f:
            self.skills = json.load(f)["skills"]
        self.cat_pos = {c["id"]: i for i, c in enumerate(self.categories)}
        self.skill_pos = {s["id"]: i for i, s in enumerate(self.skills)}
        self.cat = {c["id"]: c for c in self.categories}
        self.skill = {s["id"]: s for s in self.skills}
        assert len(self.categories) <= 63 and len(self.skills) <= 63, "bitmasks are bigint"


def slot_bit(s):
    day, part = s.split("-", 1)
    return 1 << (DAYS.index(day) * 3 + PARTS.index(part))


def slot_mask(slots):
    m = 0
    for s in slots:
        try:
            m |= slot_bit(s)
        except ValueError:
            pass
    return m


def bits(ids, pos):
    m = 0
    for s in ids:
        if s in pos:
            m |= 1 << pos[s]
    return m


def derive_offers(tax, t):
    """talentscan's `derive_offers`: when a task names no offers, from its categories."""
    out = []

    def push(s):
        if s not in out:
            out.append(s)

    for c in t.get("categories", []):
        for o in tax.cat.get(c, {}).get("offers", []):
            push(o)
    if t.get("learn_skills"):
        push("understanding")
    if t.get("certificate") or t.get("work_experience"):
        push("career")
    return out


def task_row(tax, t, org_names):
    """The columns of table `task` (schema.sql order, without the generated ones)."""
    s = t["schedule"]
    loc = t.get("location")
    remote = bool(t.get("remote")) or loc is None
    slots = slot_mask(s.get("slots", []))
    offers_ids = t.get("offers") or derive_offers(tax, t)
    offers = [1.0 if m in offers_ids else 0.0 for m in MOTIVES]
    n = sum(offers)
    if n > 0:
        offers = [o / n for o in offers]
    cats = [tax.cat_pos[c] + 1 for c in t["categories"] if c in tax.cat_pos]
    assert len(cats) <= 4, "the query reads at most 4 categories per task"
    ob = t.get("onboarding", {})
    support = (bool(ob.get("intro_meeting")) + bool(ob.get("buddy")) + bool(ob.get("trial_period"))) / 3.0
    suitable = t.get("suitable_for", [])
    tags = 0
    for x in suitable:
        if x in TAGS:
            tags |= 1 << TAGS.index(x)
    kind = (t.get("allowance") or {}).get("kind", "none")
    allowance = {"volunteer_allowance": 1.0, "expenses": 0.5}.get(kind, 0.0)
    kw = [org_names.get(t["organisation_id"], "")]
    for c in t["categories"]:
        if c in tax.cat:
            kw.append(tax.cat[c]["nl"])
            kw.extend(tax.cat[c].get("synonyms", []))
    for sk in t.get("skills", []) + t.get("learn_skills", []):
        if sk in tax.skill:
            kw.append(tax.skill[sk]["nl"])
            kw.extend(tax.skill[sk].get("synonyms", []))
    kw.extend(t.get("work_experience", []))
    return [
        t["id"],
        t["organisation_id"],
        t.get("role_id"),
        (cats[0] - 1) if cats else 0,
        t["title"],
        remote,
        None if remote else loc["lat"],
        None if remote else loc["lon"],
        slots,
        bin(slots).count("1"),
        bool(s.get("on_call")) or bool(s.get("flexible")) or slots == 0,
        LOADS.index(t.get("physical_load", "low")),
        LANGS.index(t.get("language_level", "B1")),
        float(s["hours_per_week"]),
        PER_MONTH[s["frequency"]],
        int(s.get("min_months", 0)),
        s.get("end"),
        cats,
        bits(t.get("skills", []), tax.skill_pos),
        len(t.get("skills", [])),
        bits(t.get("learn_skills", []), tax.skill_pos),
        offers,
        support,
        "first_step" in suitable,
        tags,
        allowance,
        bool(t.get("certificate")),
        bool(t.get("work_experience")),
        t.get("description", ""),
        " ".join(kw),
    ]


TASK_COLUMNS = [
    "id", "org", "role", "main_cat", "title", "remote", "lat", "lon", "slots", "n_slots",
    "any_moment", "load", "lang", "hours", "per_month", "min_months", "end_date", "cats",
    "skills", "n_skills", "learn", "offers", "support", "first_step", "tags", "allowance",
    "certificate", "work_exp", "body", "keywords",
]


def params(tax, w, persona, q=None):
    """Persona → query parameters (talentscan's `Prepared::new`)."""
    tr = persona.get("travel", {})
    origin = tr.get("origin") or {}
    lat, lon = origin.get("lat"), origin.get("lon")
    av = persona.get("availability", {})
    hours = av.get("hours_per_week")
    freq = av.get("frequency")
    cons = persona.get("constraints", {})
    needs = persona.get("needs", {})
    kkwz = persona.get("kkwz", {})
    interest = [0.0] * len(tax.categories)
    for c, v in persona.get("interests", {}).items():
        if c in tax.cat_pos:
            interest[tax.cat_pos[c]] = float(v)
    mot = persona.get("motivations", {})
    motives = [float(mot.get(m, 0.5)) for m in MOTIVES]
    tags = 0
    if cons.get("wheelchair"):
        tags |= 1
    if cons.get("language_level") == "A2":
        tags |= 2 | 4
    if (persona.get("situation") or {}).get("age_band") == "under_18":
        tags |= 8
    if cons.get("childcare"):
        tags |= 16
    goal = persona.get("work_goal", "not_now")
    tw = w["task"]
    first_step = bool(needs.get("first_step")) or needs.get("guidance") == "high" or float(kkwz.get("kennen", 50)) < 40
    allowance = bool(needs.get("allowance"))
    certificate = bool(needs.get("certificate")) or goal in ("preparing", "searching")
    work_factor = {"searching": 1.0, "preparing": w["preparing_factor"]}.get(goal, 0.0)
    words = q if q is not None else persona.get("words")
    words = words if words and words.strip() else None
    # The sum of the weights of the features that are active for this person whatever the
    # task (distance is added per row: inactive for on-site tasks without an origin).
    den = tw["interest"] + tw["skill"] + tw["learn"] + tw["motive"] + tw["time"] + tw["commitment"]
    den += tw["first_step"] if first_step else 0
    den += tw["allowance"] if allowance else 0
    den += tw["certificate"] if certificate else 0
    den += tw["work_experience"] if work_factor > 0 else 0
    den += tw["access"] if tags else 0
    den += tw["text"] if words else 0
    # Access: wanted needs ("low_dutch" and "no_dutch_needed" answer one need).
    wanted = bin(tags & ~0b110).count("1") + (1 if tags & 0b110 else 0)
    return {
        "lat": lat,
        "lon": lon,
        # earthdistance works on a sphere of earth() = 6378168 m; talentscan on 6371.0088 km.
        # Scaling the radius makes the great-circle test the same as talentscan's.
        "radius_m": float(tr.get("radius_km", 5.0)) * 1000.0 * 6378168.0 / 6371008.8,
        "scale_km": w["distance_scale_km"][tr.get("mode", "bike")],
        "cos_lat": __import__("math").cos(__import__("math").radians(lat)) if lat is not None else 1.0,
        "slots": slot_mask(av.get("slots", [])),
        "hours_limit": None if hours is None else float(hours) * (1 + w["hours_tolerance"]) + 1e-9,
        "max_load": LOADS.index(cons.get("physical_load", "high")),
        "max_lang": LANGS.index(cons.get("language_level", "C1")),
        "per_month": PER_MONTH[freq] if freq else None,
        "short": freq in ("once", "occasional"),
        "interest": interest,
        "skills": bits(persona.get("skills", []), tax.skill_pos),
        "learning": bits(persona.get("learning_goals", []), tax.skill_pos),
        "motives": motives,
        "first_step": first_step,
        "allowance": allowance,
        "certificate": certificate,
        "work_factor": work_factor,
        "tags": tags,
        "wanted": max(wanted, 1),
        "wheelchair": bool(cons.get("wheelchair")),
        "words": words,
        "den": den,
        "w_interest": tw["interest"], "w_skill": tw["skill"], "w_learn": tw["learn"],
        "w_motive": tw["motive"], "w_time": tw["time"], "w_commitment": tw["commitment"],
        "w_distance": tw["distance"], "w_first_step": tw["first_step"],
        "w_allowance": tw["allowance"], "w_certificate": tw["certificate"],
        "w_work": tw["work_experience"], "w_access": tw["access"], "w_text": tw["text"],
        "remote_value": w["remote_value"],
        "k2": w["second_phase_size"],
        "lambda": w["diversity_lambda"],
        "sim_org": w["same_organisation_similarity"],
        "sim_role": w["same_role_similarity"],
        "sim_cat": w["same_category_similarity"],
        "limit": 10,
    }
