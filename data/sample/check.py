#!/usr/bin/env python3
"""Validate data/sample/*.json against docs/contract.md and the sample-data brief.

Stdlib only. Exit code 0 when everything passes, 1 otherwise.

    python3 data/sample/check.py            # errors and a summary
    python3 data/sample/check.py -v         # also print warnings
"""
import csv
import datetime as dt
import json
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
REF = os.path.join(DATA, "reference")
VERBOSE = "-v" in sys.argv

ERRORS = []
WARNINGS = []


def err(where, msg):
    ERRORS.append("%s: %s" % (where, msg))


def warn(where, msg):
    WARNINGS.append("%s: %s" % (where, msg))


# --------------------------------------------------------------------------
# reference data and taxonomies
# --------------------------------------------------------------------------
def load_json(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text, json.loads(text)


CATEGORIES = {c["id"] for c in load_json(os.path.join(DATA, "categories.json"))[1]["categories"]}
SKILLS = {s["id"] for s in load_json(os.path.join(DATA, "skills.json"))[1]["skills"]}
TOPICS = {t["id"] for t in load_json(os.path.join(DATA, "training_topics.json"))[1]["topics"]}

WIJK = {}       # name -> (code, lat, lon)
WIJK_CODE = {}  # code -> name
with open(os.path.join(REF, "denhaag-wijken.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        WIJK[r["name"]] = (r["code"], float(r["lat"]), float(r["lon"]))
        WIJK_CODE[r["code"]] = r["name"]
PC4 = {}  # pc4 -> (lat, lon, wijk name)
with open(os.path.join(REF, "denhaag-pc4.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        PC4[r["pc4"]] = (float(r["lat"]), float(r["lon"]), WIJK_CODE.get(r["wijk_code"]))
WIJKEN_WITH_PC4 = {v[2] for v in PC4.values()}

ZUIDWEST = {"Bouwlust en Vrederust", "Moerwijk", "Morgenstond", "Leyenburg", "Zuiderpark"}

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
SLOTS = {"%s-%s" % (d, p) for d in DAYS for p in ("morning", "afternoon", "evening")}
FREQ = {"weekly", "biweekly", "monthly", "occasional", "once"}
FACTOR = {"weekly": 1.0, "biweekly": 0.5, "monthly": 0.25}
LOADS = ["low", "medium", "high"]
LEVELS = ["A2", "B1", "B2", "C1"]
ALLOW = {"none", "expenses", "volunteer_allowance"}
SUITABLE = {"first_step", "with_children", "wheelchair", "low_dutch", "school_internship",
            "no_dutch_needed"}
OFFERS = {"values", "understanding", "social", "career", "protective", "enhancement"}
PHONE_RE = re.compile(r"^070 555 \d\d \d\d$")
EMAIL_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*@example\.org$")
RFC3339_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 51.9, 52.2, 4.1, 4.5
NEAR_CENTROID_M = 450   # a point must lie this close to its PC4 or wijk centroid
NEAR_ORG_M = 600        # a task must lie this close to its organisation


def dist_m(a_lat, a_lon, b_lat, b_lon):
    r = 6371000.0
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def wijk_name(w):
    """Accept a wijk name or a CBS code; return the name or None."""
    if w in WIJK:
        return w
    return WIJK_CODE.get(w)


def check_keys(where, obj, required, optional=()):
    if not isinstance(obj, dict):
        err(where, "not an object")
        return False
    for k in required:
        if k not in obj:
            err(where, "missing key %r" % k)
    for k in obj:
        if k not in required and k not in optional:
            err(where, "unknown key %r (not in docs/contract.md)" % k)
    return True


def check_id(where, v):
    if not isinstance(v, str) or not ID_RE.match(v):
        err(where, "id %r does not match %s" % (v, ID_RE.pattern))


def check_ids(where, values, known, what):
    if not isinstance(values, list):
        err(where, "%s is not a list" % what)
        return
    if len(set(values)) != len(values):
        err(where, "%s has duplicates: %r" % (what, values))
    for v in values:
        if v not in known:
            err(where, "unknown %s id %r" % (what, v))


def check_point(where, lat, lon):
    if not (is_num(lat) and is_num(lon)):
        err(where, "lat/lon must be numbers")
        return False
    if not (LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX):
        err(where, "coordinates %.5f,%.5f outside %.1f-%.1f lat / %.1f-%.1f lon"
            % (lat, lon, LAT_MIN, LAT_MAX, LON_MIN, LON_MAX))
        return False
    return True


def check_location(where, loc, org_point=None):
    """Task or training location: wijk, postcode, lat, lon."""
    if not check_keys(where + ".location", loc, ("wijk",), ("postcode", "lat", "lon")):
        return None
    w = wijk_name(loc.get("wijk"))
    if w is None:
        err(where, "unknown wijk %r" % loc.get("wijk"))
        return None
    pc = loc.get("postcode")
    if pc is not None:
        if pc not in PC4:
            err(where, "unknown postcode %r (not in denhaag-pc4.csv)" % pc)
            pc = None
        elif PC4[pc][2] != w:
            if w in WIJKEN_WITH_PC4:
                err(where, "postcode %s lies in %s, not in %s" % (pc, PC4[pc][2], w))
            else:
                warn(where, "wijk %s has no PC4 of its own; postcode %s (%s) used"
                     % (w, pc, PC4[pc][2]))
    if ("lat" in loc) != ("lon" in loc):
        err(where, "lat and lon must come together")
        return None
    if "lat" not in loc:
        return None
    if not check_point(where, loc["lat"], loc["lon"]):
        return None
    lat, lon = loc["lat"], loc["lon"]
    cands = [dist_m(lat, lon, WIJK[w][1], WIJK[w][2])]
    if pc is not None:
        cands.append(dist_m(lat, lon, PC4[pc][0], PC4[pc][1]))
    if min(cands) > NEAR_CENTROID_M:
        err(where, "point is %.0f m from its wijk/PC4 centroid (max %d)"
            % (min(cands), NEAR_CENTROID_M))
    if org_point is not None:
        d = dist_m(lat, lon, org_point[0], org_point[1])
        if d > NEAR_ORG_M:
            err(where, "point is %.0f m from its organisation (max %d)" % (d, NEAR_ORG_M))
    return w


def check_contact(where, c, need_phone=True):
    req = ("name", "email", "phone") if need_phone else ("name", "email")
    if not check_keys(where + ".contact", c, req, ("phone",)):
        return
    if not isinstance(c.get("name"), str) or not c.get("name").strip():
        err(where, "contact name empty")
    if not isinstance(c.get("email"), str) or not EMAIL_RE.match(c.get("email", "")):
        err(where, "contact email %r is not a made-up @example.org address" % c.get("email"))
    if "phone" in c and (not isinstance(c["phone"], str) or not PHONE_RE.match(c["phone"])):
        err(where, "phone %r is not of the form '070 555 01 23'" % c.get("phone"))


def parse_date(where, s, what):
    if not isinstance(s, str):
        err(where, "%s must be a YYYY-MM-DD string" % what)
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        err(where, "%s %r is not YYYY-MM-DD" % (what, s))
        return None


SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"‘(])")


def sentences(text):
    return [s for s in SENT_RE.split(text.strip()) if s]


def check_text(where, text, lo=2, hi=4):
    if not isinstance(text, str) or not text.strip():
        err(where, "description empty")
        return
    ss = sentences(text)
    if not lo <= len(ss) <= hi:
        err(where, "description has %d sentences (want %d-%d)" % (len(ss), lo, hi))
    for s in ss:
        n = len(s.split())
        if n > 30:
            err(where, "sentence of %d words is too long for B1: %r" % (n, s[:60]))
        elif n > 22:
            warn(where, "long sentence (%d words): %r" % (n, s[:60]))
    if "  " in text:
        warn(where, "double space in text")


def check_pretty(name, text):
    if not text.startswith("[\n  {"):
        err(name, "not a pretty-printed JSON array")


# --------------------------------------------------------------------------
# organisations
# --------------------------------------------------------------------------
def check_organisations(orgs):
    ids = Counter()
    org_pts = {}
    zw = 0
    if not isinstance(orgs, list):
        err("organisations.json", "not a JSON array")
        return {}
    for i, o in enumerate(orgs):
        where = "organisations[%d] %s" % (i, o.get("id") if isinstance(o, dict) else "?")
        if not check_keys(where, o, ("id", "name", "description", "wijk", "location", "website",
                                     "contact", "kind")):
            continue
        check_id(where, o.get("id"))
        ids[o.get("id")] += 1
        for k in ("name", "description", "kind", "website"):
            if not isinstance(o.get(k), str) or not o.get(k).strip():
                err(where, "%s must be a non-empty string" % k)
        if isinstance(o.get("kind"), str) and not ID_RE.match(o["kind"]):
            err(where, "kind %r should be a lowercase word" % o["kind"])
        if isinstance(o.get("website"), str) and not o["website"].startswith("https://example.org/"):
            err(where, "website should be a made-up https://example.org/... address")
        w = wijk_name(o.get("wijk"))
        if w is None:
            err(where, "unknown wijk %r" % o.get("wijk"))
        elif w in ZUIDWEST:
            zw += 1
        loc = o.get("location")
        if check_keys(where + ".location", loc, ("lat", "lon")) and \
                check_point(where, loc.get("lat"), loc.get("lon")):
            org_pts[o["id"]] = (loc["lat"], loc["lon"], w)
            if w is not None:
                cands = [dist_m(loc["lat"], loc["lon"], WIJK[w][1], WIJK[w][2])]
                cands += [dist_m(loc["lat"], loc["lon"], p[0], p[1])
                          for p in PC4.values() if p[2] == w]
                if min(cands) > NEAR_CENTROID_M:
                    err(where, "location %.0f m from any centroid of %s" % (min(cands), w))
        check_contact(where, o.get("contact"))
    for k, n in ids.items():
        if n > 1:
            err("organisations.json", "duplicate id %r" % k)
    if len(orgs) < 42:
        err("organisations.json", "%d organisations, need at least 42" % len(orgs))
    share = zw / max(1, len(orgs))
    if not 0.5 <= share <= 0.7:
        err("organisations.json", "%.0f%% in Zuidwest, want about 60%%" % (100 * share))
    return org_pts


# --------------------------------------------------------------------------
# tasks
# --------------------------------------------------------------------------
TASK_REQ = ("id", "title", "description", "organisation_id", "categories", "skills",
            "learn_skills", "remote", "schedule", "physical_load", "language_level",
            "onboarding", "contact", "allowance", "certificate", "work_experience",
            "required_trainings", "suitable_for", "role_id", "essential")
TASK_OPT = ("location", "offers")
SCHED_KEYS = ("slots", "frequency", "hours_per_week", "hours_per_session", "min_months",
              "on_call", "flexible", "start", "end")


def check_schedule(where, s):
    if not check_keys(where + ".schedule", s, SCHED_KEYS):
        return
    slots = s.get("slots")
    if not isinstance(slots, list):
        err(where, "slots must be a list")
        slots = []
    for x in slots:
        if x not in SLOTS:
            err(where, "invalid slot %r" % x)
    if len(set(slots)) != len(slots):
        err(where, "duplicate slots")
    f = s.get("frequency")
    if f not in FREQ:
        err(where, "invalid frequency %r" % f)
    hpw, hps = s.get("hours_per_week"), s.get("hours_per_session")
    if not is_num(hpw) or not 0 < hpw <= 40:
        err(where, "hours_per_week %r must be a number in (0, 40]" % hpw)
        hpw = None
    if hps is not None and (not is_num(hps) or not 0 < hps <= 12):
        err(where, "hours_per_session %r must be null or a number in (0, 12]" % hps)
        hps = None
    mm = s.get("min_months")
    if not isinstance(mm, int) or isinstance(mm, bool) or not 0 <= mm <= 12:
        err(where, "min_months %r must be an integer 0-12" % mm)
    for k in ("on_call", "flexible"):
        if not isinstance(s.get(k), bool):
            err(where, "%s must be true/false" % k)
    start = parse_date(where, s.get("start"), "start")
    end = None
    if s.get("end") is not None:
        end = parse_date(where, s.get("end"), "end")
        if start and end and end < start:
            err(where, "end before start")
    picks = s.get("on_call") is True or s.get("flexible") is True
    if not slots and not picks:
        err(where, "empty slots but neither flexible nor on_call")
    if hpw is None or hps is None:
        return
    if f == "once":
        if start and end != start and end is None:
            err(where, "a 'once' task needs an end date")
        if start and end == start:
            if len(slots) != 1:
                err(where, "a one-day 'once' task should have exactly one slot")
            elif not slots[0].startswith(DAYS[start.weekday()]):
                err(where, "slot %s does not fall on %s (%s)"
                    % (slots[0], start.isoformat(), DAYS[start.weekday()]))
        if abs(hpw - hps) > 0.01:
            warn(where, "'once' task with hours_per_week %s != hours_per_session %s" % (hpw, hps))
    elif f in FACTOR and slots and not picks:
        lo = hps * FACTOR[f]
        hi = hps * len(slots) * FACTOR[f]
        if not lo - 0.01 <= hpw <= hi + 0.01:
            err(where, "hours_per_week %s inconsistent with %s x %s h sessions in %d slot(s) "
                "(expected %.2f-%.2f)" % (hpw, f, hps, len(slots), lo, hi))
    elif f in FACTOR and picks and hpw > hps * max(1, len(slots)) * FACTOR[f] * 4 + 0.01:
        warn(where, "hours_per_week %s looks high for %s sessions of %s h" % (hpw, f, hps))


def check_tasks(tasks, org_pts, role_ids):
    ids = Counter()
    cat_count = Counter()
    stats = Counter()
    per_role = {}
    if not isinstance(tasks, list):
        err("tasks.json", "not a JSON array")
        return per_role, stats
    for i, t in enumerate(tasks):
        where = "tasks[%d] %s" % (i, t.get("id") if isinstance(t, dict) else "?")
        if not check_keys(where, t, TASK_REQ, TASK_OPT):
            continue
        check_id(where, t.get("id"))
        ids[t.get("id")] += 1
        if not isinstance(t.get("title"), str) or not t["title"].strip():
            err(where, "title empty")
        check_text(where, t.get("description"))
        oid = t.get("organisation_id")
        if oid not in org_pts:
            err(where, "unknown organisation_id %r" % oid)
        check_ids(where, t.get("categories"), CATEGORIES, "category")
        if not t.get("categories"):
            err(where, "needs at least one category")
        for c in t.get("categories") or []:
            cat_count[c] += 1
        check_ids(where, t.get("skills"), SKILLS, "skill")
        check_ids(where, t.get("learn_skills"), SKILLS, "skill")
        check_ids(where, t.get("required_trainings"), TOPICS, "training topic")
        check_ids(where, t.get("suitable_for"), SUITABLE, "suitable_for")
        if "offers" in t:
            check_ids(where, t["offers"], OFFERS, "offers")
            if not t["offers"]:
                err(where, "offers present but empty")
            stats["offers"] += 1
        remote = t.get("remote")
        if not isinstance(remote, bool):
            err(where, "remote must be true/false")
        if remote:
            stats["remote"] += 1
            if t.get("location") is not None:
                err(where, "remote task must not have a location")
        else:
            loc = t.get("location")
            if loc is None:
                err(where, "non-remote task needs a location")
            else:
                op = org_pts.get(oid)
                w = check_location(where, loc, op[:2] if op else None)
                if op and w and op[2] and w != op[2]:
                    err(where, "task wijk %s differs from organisation wijk %s" % (w, op[2]))
        s = t.get("schedule")
        check_schedule(where, s)
        if isinstance(s, dict):
            stats["freq:" + str(s.get("frequency"))] += 1
            if s.get("on_call") is True:
                stats["on_call"] += 1
            if s.get("flexible") is True and s.get("slots") == []:
                stats["flexible_no_slots"] += 1
            sl = s.get("slots") or []
            if any(x.endswith("evening") for x in sl):
                stats["evening"] += 1
            if any(x[:3] in ("sat", "sun") for x in sl):
                stats["weekend"] += 1
            if s.get("end") == "2026-06-30":
                stats["ended"] += 1
            if (s.get("frequency") == "monthly" and sl == ["thu-afternoon"]
                    and s.get("hours_per_week") == 0.75):
                stats["first_thursday_like"] += 1
            if s.get("min_months") == 0:
                stats["min_months_0"] += 1
            if s.get("min_months") == 12:
                stats["min_months_12"] += 1
        load = t.get("physical_load")
        if load not in LOADS:
            err(where, "invalid physical_load %r" % load)
        stats["load:" + str(load)] += 1
        lang = t.get("language_level")
        if lang not in LEVELS:
            err(where, "invalid language_level %r" % lang)
        stats["lang:" + str(lang)] += 1
        ob = t.get("onboarding")
        if check_keys(where + ".onboarding", ob,
                      ("intro_meeting", "buddy", "training_provided", "trial_period")):
            for k, v in ob.items():
                if not isinstance(v, bool):
                    err(where, "onboarding.%s must be true/false" % k)
        check_contact(where, t.get("contact"))
        al = t.get("allowance")
        if check_keys(where + ".allowance", al, ("kind", "per_hour_eur")):
            k = al.get("kind")
            if k not in ALLOW:
                err(where, "invalid allowance kind %r" % k)
            stats["allow:" + str(k)] += 1
            p = al.get("per_hour_eur")
            if k == "volunteer_allowance":
                if not is_num(p) or not 1.5 <= p <= 5.0:
                    err(where, "per_hour_eur %r must be 1.50-5.00" % p)
            elif p is not None:
                err(where, "per_hour_eur only with volunteer_allowance")
        if not isinstance(t.get("certificate"), bool):
            err(where, "certificate must be true/false")
        elif t["certificate"]:
            stats["certificate"] += 1
        we = t.get("work_experience")
        if not isinstance(we, list) or not all(isinstance(x, str) and x.strip() for x in we):
            err(where, "work_experience must be a list of non-empty strings")
        else:
            for x in we:
                stats["work:" + x] += 1
        for x in t.get("required_trainings") or []:
            stats["req:" + x] += 1
        suit = t.get("suitable_for") or []
        for x in suit:
            stats["suit:" + x] += 1
        if "first_step" in suit and isinstance(ob, dict):
            if not (ob.get("intro_meeting") and ob.get("buddy") and ob.get("trial_period")):
                err(where, "first_step task needs intro_meeting, buddy and trial_period")
        if ("low_dutch" in suit or "no_dutch_needed" in suit) and lang != "A2":
            err(where, "low_dutch/no_dutch_needed but language_level %s" % lang)
        if "wheelchair" in suit and load != "low":
            err(where, "wheelchair-suitable task should have physical_load low")
        rid = t.get("role_id")
        ess = t.get("essential")
        if not isinstance(ess, bool):
            err(where, "essential must be true/false")
        if rid is None:
            if ess:
                err(where, "essential without role_id")
        elif rid not in role_ids:
            err(where, "unknown role_id %r" % rid)
        else:
            per_role.setdefault(rid, []).append(t)
        title = (t.get("title") or "").lower()
        for w in ("koken", "kookt", "kookcafé", "kookles"):
            if re.search(r"\b%s\b" % w, title):
                stats["title:" + w] += 1
    for k, n in ids.items():
        if n > 1:
            err("tasks.json", "duplicate id %r" % k)

    # counts and coverage
    n = len(tasks)
    if n < 260:
        err("tasks.json", "%d tasks, need at least 260" % n)
    for c in sorted(CATEGORIES):
        if cat_count[c] < 8:
            err("tasks.json", "category %s used %d times, need 8" % (c, cat_count[c]))
    need = {
        "remote": 10, "on_call": 1, "flexible_no_slots": 1, "evening": 1, "weekend": 1,
        "first_thursday_like": 1, "certificate": 1, "min_months_0": 1, "min_months_12": 1,
        "title:koken": 1, "title:kookt": 1, "title:kookcafé": 1, "title:kookles": 1,
    }
    for f in FREQ:
        need["freq:" + f] = 1
    for x in LOADS:
        need["load:" + x] = 1
    for x in LEVELS:
        need["lang:" + x] = 1
    for x in ALLOW:
        need["allow:" + x] = 1
    for x in SUITABLE:
        need["suit:" + x] = 1
    for x in ("haccp", "vog", "sociale-hygiene", "rijvaardigheid"):
        need["req:" + x] = 1
    for x in ("medewerker horeca", "magazijnmedewerker", "administratief medewerker",
              "gastheer/gastvrouw", "kok", "chauffeur"):
        need["work:" + x] = 1
    for k, m in need.items():
        if stats[k] < m:
            err("tasks.json", "coverage: %s = %d, need at least %d" % (k, stats[k], m))
    if stats["ended"] != 2:
        err("tasks.json", "%d tasks end on 2026-06-30, want exactly 2" % stats["ended"])
    if n:
        share = stats["offers"] / n
        if not 0.35 <= share <= 0.65:
            err("tasks.json", "offers on %.0f%% of tasks, want about half" % (100 * share))
        if (stats["lang:A2"] + stats["lang:B1"]) / n < 0.6:
            err("tasks.json", "most tasks should be language level A2/B1")
    return per_role, stats


# --------------------------------------------------------------------------
# roles
# --------------------------------------------------------------------------
def check_roles(roles, org_ids):
    ids = Counter()
    out = {}
    if not isinstance(roles, list):
        err("roles.json", "not a JSON array")
        return out
    for i, r in enumerate(roles):
        where = "roles[%d] %s" % (i, r.get("id") if isinstance(r, dict) else "?")
        if not check_keys(where, r, ("id", "organisation_id", "title", "description")):
            continue
        check_id(where, r.get("id"))
        ids[r.get("id")] += 1
        if r.get("organisation_id") not in org_ids:
            err(where, "unknown organisation_id %r" % r.get("organisation_id"))
        if not isinstance(r.get("title"), str) or not r["title"].strip():
            err(where, "title empty")
        check_text(where, r.get("description"), 1, 4)
        out[r.get("id")] = r
    for k, n in ids.items():
        if n > 1:
            err("roles.json", "duplicate id %r" % k)
    if len(roles) < 13:
        err("roles.json", "%d roles, need at least 13" % len(roles))
    return out


def check_role_components(roles, per_role):
    for rid, r in roles.items():
        comps = per_role.get(rid, [])
        where = "role %s" % rid
        if not 4 <= len(comps) <= 10:
            err(where, "%d components, need 4-10" % len(comps))
        ess = sum(1 for t in comps if t.get("essential") is True)
        if not 1 <= ess <= 3:
            err(where, "%d essential components, need 1-3" % ess)
        for t in comps:
            if t.get("organisation_id") != r.get("organisation_id"):
                err(where, "component %s belongs to %s" % (t["id"], t.get("organisation_id")))
            h = (t.get("schedule") or {}).get("hours_per_week")
            if is_num(h) and not 0.5 <= h <= 4:
                err(where, "component %s has %s h/week (want 0.5-4)" % (t["id"], h))
        if comps:
            hours = {(t.get("schedule") or {}).get("hours_per_week") for t in comps}
            slots = {tuple((t.get("schedule") or {}).get("slots") or []) for t in comps}
            skills = {tuple(sorted(t.get("skills") or [])) for t in comps}
            loads = {t.get("physical_load") for t in comps}
            for what, s in (("hours", hours), ("slots", slots), ("skills", skills),
                            ("physical_load", loads)):
                if len(s) < 2:
                    err(where, "components do not vary in %s" % what)


# --------------------------------------------------------------------------
# trainings
# --------------------------------------------------------------------------
def amsterdam_offset(d):
    try:
        from zoneinfo import ZoneInfo
        z = ZoneInfo("Europe/Amsterdam")
        off = dt.datetime(d.year, d.month, d.day, 12, tzinfo=z).utcoffset()
        h = int(off.total_seconds() // 3600)
        return "+%02d:00" % h
    except Exception:  # no tz database: EU rule
        def last_sun(y, m):
            x = dt.date(y, m + 1, 1) - dt.timedelta(days=1)
            return x - dt.timedelta(days=(x.weekday() + 1) % 7)
        return "+02:00" if last_sun(d.year, 3) <= d < last_sun(d.year, 10) else "+01:00"


def check_trainings(trs):
    ids = Counter()
    topic_count = Counter()
    stats = Counter()
    if not isinstance(trs, list):
        err("trainings.json", "not a JSON array")
        return
    for i, t in enumerate(trs):
        where = "trainings[%d] %s" % (i, t.get("id") if isinstance(t, dict) else "?")
        if not check_keys(where, t, ("id", "title", "description", "provider", "topics", "skills",
                                     "certificate", "cost_eur", "online", "sessions", "schedule",
                                     "duration_hours", "language_level", "contact"),
                          ("location",)):
            continue
        check_id(where, t.get("id"))
        ids[t.get("id")] += 1
        for k in ("title", "provider"):
            if not isinstance(t.get(k), str) or not t[k].strip():
                err(where, "%s empty" % k)
        check_text(where, t.get("description"))
        check_ids(where, t.get("topics"), TOPICS, "training topic")
        if not t.get("topics"):
            err(where, "needs at least one topic")
        for x in t.get("topics") or []:
            topic_count[x] += 1
        check_ids(where, t.get("skills"), SKILLS, "skill")
        if not isinstance(t.get("certificate"), bool):
            err(where, "certificate must be true/false")
        elif t["certificate"]:
            stats["certificate"] += 1
        c = t.get("cost_eur")
        if not is_num(c) or c < 0:
            err(where, "cost_eur must be a number >= 0")
        elif c == 0:
            stats["free"] += 1
        online = t.get("online")
        if not isinstance(online, bool):
            err(where, "online must be true/false")
        if online:
            stats["online"] += 1
            if t.get("location") is not None:
                err(where, "online training must not have a location")
        else:
            if t.get("location") is None:
                err(where, "training on site needs a location")
            else:
                w = check_location(where, t["location"])
                stats["located"] += 1
                if w in ZUIDWEST:
                    stats["zuidwest"] += 1
        sess = t.get("sessions")
        total = 0.0
        if not isinstance(sess, list):
            err(where, "sessions must be a list")
            sess = []
        for j, s in enumerate(sess):
            sw = "%s.sessions[%d]" % (where, j)
            if not check_keys(sw, s, ("start", "end")):
                continue
            try:
                a = dt.datetime.fromisoformat(s["start"])
                b = dt.datetime.fromisoformat(s["end"])
            except (TypeError, ValueError):
                err(sw, "start/end are not RFC 3339")
                continue
            for v in (s["start"], s["end"]):
                if not RFC3339_RE.match(v):
                    err(sw, "%r is not RFC 3339 with an offset" % v)
            if a.tzinfo is None or b.tzinfo is None:
                err(sw, "start/end need a UTC offset")
                continue
            if b <= a:
                err(sw, "end not after start")
            if a.year != 2027:
                err(sw, "session not in 2027")
            if s["start"][-6:] != amsterdam_offset(a.date()):
                err(sw, "offset %s wrong for Europe/Amsterdam on %s (want %s)"
                    % (s["start"][-6:], a.date(), amsterdam_offset(a.date())))
            total += (b - a).total_seconds() / 3600.0
        sch = t.get("schedule")
        if check_keys(where + ".schedule", sch, ("slots",)):
            sl = sch.get("slots")
            if not isinstance(sl, list):
                err(where, "schedule.slots must be a list")
                sl = []
            for x in sl:
                if x not in SLOTS:
                    err(where, "invalid slot %r" % x)
            if not sess:
                stats["weekly_slots"] += 1
                if not sl:
                    err(where, "no sessions and no weekly slots")
        d = t.get("duration_hours")
        if not is_num(d) or d <= 0:
            err(where, "duration_hours must be > 0")
        elif sess and abs(d - total) > 0.01:
            err(where, "duration_hours %s != sum of sessions %.2f" % (d, total))
        if t.get("language_level") not in LEVELS:
            err(where, "invalid language_level %r" % t.get("language_level"))
        check_contact(where, t.get("contact"), need_phone=False)
    for k, n in ids.items():
        if n > 1:
            err("trainings.json", "duplicate id %r" % k)
    n = len(trs)
    if n < 44:
        err("trainings.json", "%d trainings, need at least 44" % n)
    for x in sorted(TOPICS):
        if topic_count[x] < 2:
            err("trainings.json", "topic %s covered %d times, need 2" % (x, topic_count[x]))
    if n:
        if stats["free"] / n < 0.6:
            err("trainings.json", "most trainings should be free")
        if stats["certificate"] / n < 0.6:
            err("trainings.json", "most trainings should give a certificate")
        if stats["online"] < 3:
            err("trainings.json", "want some online trainings (have %d)" % stats["online"])
        if stats["weekly_slots"] < 2:
            err("trainings.json", "want a few trainings with weekly slots instead of sessions")
        if stats["located"] and stats["zuidwest"] / stats["located"] < 0.5:
            err("trainings.json", "most trainings on site should be in Zuidwest")
    return topic_count, stats


# --------------------------------------------------------------------------
def main():
    files = {}
    for name in ("organisations.json", "tasks.json", "roles.json", "trainings.json"):
        path = os.path.join(HERE, name)
        try:
            text, obj = load_json(path)
        except (OSError, ValueError) as e:
            err(name, "cannot read: %s" % e)
            continue
        check_pretty(name, text)
        files[name] = obj
    readme = os.path.join(HERE, "README.md")
    if not os.path.exists(readme) or "FICTIONAL" not in open(readme, encoding="utf-8").read():
        err("README.md", "missing, or does not say the data is FICTIONAL")

    orgs = files.get("organisations.json", [])
    org_pts = check_organisations(orgs)
    roles = check_roles(files.get("roles.json", []), set(org_pts) | {o.get("id") for o in orgs})
    per_role, tstats = check_tasks(files.get("tasks.json", []), org_pts, set(roles))
    check_role_components(roles, per_role)
    tr = check_trainings(files.get("trainings.json", []))
    task_ids = {t.get("id") for t in files.get("tasks.json", [])}
    for r in roles:
        if r in task_ids:
            warn("roles.json", "role id %s is also a task id" % r)

    if VERBOSE or not ERRORS:
        for w in WARNINGS:
            print("warning:", w)
    for e in ERRORS:
        print("ERROR:", e)
    tasks = files.get("tasks.json", [])
    print("organisations %d, tasks %d (%d in roles), roles %d, trainings %d"
          % (len(orgs), len(tasks), sum(len(v) for v in per_role.values()), len(roles),
             len(files.get("trainings.json", []))))
    print("%d error(s), %d warning(s)" % (len(ERRORS), len(WARNINGS)))
    return 1 if ERRORS else 0


if __name__ == "__main__":
    sys.exit(main())
