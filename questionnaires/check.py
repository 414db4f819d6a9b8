#!/usr/bin/env python3
"""Checks questionnaire definitions and the scan fixtures that use them.

    python3 questionnaires/check.py [questionnaires/talentscan/v1.yaml] [tests/fixtures/scans]

What it checks
- The definition follows the format the Rust scorer reads (src/questionnaire/): known keys,
  item types, dimensions, settable fields and their values, taxonomy ids
  (data/categories.json, data/skills.json), a text in every language everywhere, unique
  ids, 15-25 items, at least two reverse-keyed likert items, 6-8 archetypes with distinct
  signatures, KKWZ texts for every band.
- Design rules of the Talent Scan: every persona field in docs/contract.md can be filled,
  each field is set by one item only (so answer order never matters), the three core
  items are required, age and benefit are optional with a "rather not say" answer.
- Every fixture in tests/fixtures/scans/*.json: its answers are valid for the
  questionnaire, and its `expect` block holds under a reference scorer written from the
  format rules. The archetype expectation must hold under every reasonable reading of
  the rules (unanswered dimension = 0.5 or 0; interest value = 1 or a share of all
  interests), so a fixture never depends on a detail the format leaves open.

Stdlib plus PyYAML. If PyYAML is missing:
    python3 -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install pyyaml
    /tmp/qvenv/bin/python questionnaires/check.py
Exit status 0 when everything passes, 1 otherwise.
"""
from __future__ import annotations

import csv
import glob
import json
import math
import os
import re
import sys
import unicodedata

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write(
        "PyYAML is missing. Run:\n"
        "  python3 -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install pyyaml\n"
        "  /tmp/qvenv/bin/python " + " ".join(sys.argv) + "\n"
    )
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------------------
# The format
# --------------------------------------------------------------------------------------
TOP_KEYS = {"id", "version", "languages", "title", "intro", "estimated_minutes",
            "instrument_note", "defaults", "sections", "archetypes", "kkwz_texts",
            "kkwz_unknown"}
TOP_REQUIRED = {"id", "version", "languages", "title", "intro", "sections", "archetypes",
                "kkwz_texts", "defaults", "instrument_note", "estimated_minutes"}
SECTION_KEYS = {"id", "title", "intro", "items"}
ITEM_TYPES = {"single", "multi", "likert", "number", "slots", "place", "text"}
COMMON_ITEM_KEYS = {"id", "type", "required", "text", "help"}
ITEM_KEYS = {
    "single": COMMON_ITEM_KEYS | {"options"},
    "multi": COMMON_ITEM_KEYS | {"options", "min", "max"},
    "likert": COMMON_ITEM_KEYS | {"scale", "feeds"},
    "number": COMMON_ITEM_KEYS | {"min", "max", "step", "unit", "target"},
    "slots": COMMON_ITEM_KEYS | {"target"},
    "place": COMMON_ITEM_KEYS | {"target"},
    "text": COMMON_ITEM_KEYS | {"max_length", "target"},
}
TARGETS = {
    "number": {"availability.hours_per_week", "travel.radius_km"},
    "slots": {"availability.slots"},
    "place": {"travel.origin"},
    "text": {"words"},
}
OPTION_KEYS = {"value", "label", "effects", "exclusive"}
KKWZ = ["kennen", "kunnen", "willen", "zijn"]
MOTIVES = ["values", "understanding", "social", "career", "protective", "enhancement"]
DIMS = [f"kkwz.{k}" for k in KKWZ] + [f"motivation.{m}" for m in MOTIVES]
ENUMS = {
    "work_goal": ["not_for_me", "not_now", "exploring", "preparing", "searching"],
    "availability.frequency": ["weekly", "biweekly", "monthly", "occasional", "once"],
    "travel.mode": ["walk", "bike", "public_transport", "car"],
    "needs.guidance": ["low", "medium", "high"],
    "constraints.physical_load": ["low", "medium", "high"],
    "constraints.language_level": ["A2", "B1", "B2", "C1"],
    "situation.age_band": ["under_18", "18_20", "21_26", "27_66", "67_plus"],
}
BOOLS = {"needs.allowance", "needs.certificate", "needs.first_step", "needs.no_training",
         "constraints.childcare", "constraints.wheelchair"}
# Fields the matcher filters on: only an answer may set them, never a default (a skipped
# question stays unknown).
LIMIT_FIELDS = {"availability.frequency", "availability.hours_per_week", "travel.radius_km",
                "constraints.physical_load", "constraints.language_level", "situation.age_band"}
NUMBERS = {"availability.hours_per_week": (0.0, 80.0), "travel.radius_km": (0.1, 100.0)}
NULLABLE_BOOLS = {"situation.on_benefit"}
SET_FIELDS = set(ENUMS) | BOOLS | set(NUMBERS) | NULLABLE_BOOLS
ADD_LISTS = {"interests", "skills", "learning_goals"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PARTS = ["morning", "afternoon", "evening"]
SLOTS = {f"{d}-{p}" for d in DAYS for p in PARTS}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
REQUIRED_ARCHETYPES = {"verbinder", "aanpakker", "organisator", "zorgzame", "creatieveling",
                       "kenner"}
# Every persona field of docs/contract.md that an answer must be able to fill.
PERSONA_FIELDS = (
    {f"kkwz.{k}" for k in KKWZ} | {f"motivation.{m}" for m in MOTIVES}
    | {"interests", "skills", "learning_goals", "availability.slots", "travel.origin", "words"}
    | SET_FIELDS
)


# --------------------------------------------------------------------------------------
# A strict YAML loader: YAML 1.2 scalars (only true/false are booleans, no 1_000 integers,
# no sexagesimals), duplicate keys are errors. That is how serde_norway reads the file, so
# the check sees what the service sees.
# --------------------------------------------------------------------------------------
class StrictLoader(yaml.SafeLoader):
    pass


StrictLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                       "tag:yaml.org,2002:float")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


class Ref:
    def __init__(self, root: str):
        data = os.path.join(root, "data")
        with open(os.path.join(data, "categories.json"), encoding="utf-8") as f:
            self.categories = {c["id"]: c for c in json.load(f)["categories"]}
        with open(os.path.join(data, "skills.json"), encoding="utf-8") as f:
            self.skills = {s["id"]: s for s in json.load(f)["skills"]}
        self.wijken = {}  # normalised name or code -> name
        with open(os.path.join(data, "reference", "denhaag-wijken.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        code_to_name = {r["code"]: r["name"] for r in rows}
        for r in rows:
            self.wijken[norm(r["name"])] = r["name"]
            self.wijken[norm(r["code"])] = r["name"]
        self.pc4 = {}  # pc4 -> wijk name
        with open(os.path.join(data, "reference", "denhaag-pc4.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.pc4[r["pc4"]] = code_to_name.get(r["wijk_code"])

    def place(self, s: str):
        """The origin a place answer resolves to, or None."""
        t = s.strip()
        digits = re.sub(r"\s", "", t)[:4]
        if len(digits) == 4 and digits.isdigit():
            if digits in self.pc4:
                return {"postcode": digits, "wijk": self.pc4[digits]}
            return None
        name = self.wijken.get(norm(t))
        return {"postcode": None, "wijk": name} if name else None


# --------------------------------------------------------------------------------------
# Checking the definition
# --------------------------------------------------------------------------------------
class Report:
    def __init__(self):
        self.errors: list[str] = []
        self.notes: list[str] = []

    def err(self, msg: str):
        self.errors.append(msg)


def is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_set_value(field: str, v) -> str | None:
    if field in ENUMS:
        return None if v in ENUMS[field] else f"{v!r} is not one of {ENUMS[field]}"
    if field in BOOLS:
        return None if isinstance(v, bool) else f"{v!r} must be true or false"
    if field in NULLABLE_BOOLS:
        return None if v is None or isinstance(v, bool) else f"{v!r} must be true, false or null"
    if field in NUMBERS:
        lo, hi = NUMBERS[field]
        return None if is_num(v) and lo <= v <= hi else f"{v!r} must be a number from {lo} to {hi}"
    return f"unknown field {field!r}"


def check_text(rep: Report, at: str, t, langs):
    if not isinstance(t, dict):
        rep.err(f"{at}: must be a map with keys {langs}")
        return
    if set(t) != set(langs):
        rep.err(f"{at}: keys {sorted(t)} must be exactly {langs}")
    for lang in langs:
        s = t.get(lang)
        if not isinstance(s, str) or not s.strip():
            rep.err(f"{at}: missing or empty text for {lang!r}")


def check_effect(rep: Report, at: str, e, ref: Ref):
    if not isinstance(e, dict):
        rep.err(f"{at}: an effect must be a map")
        return
    kinds = [k for k in ("score", "set", "add") if k in e]
    if len(kinds) != 1:
        rep.err(f"{at}: an effect needs exactly one of score, set, add (got {sorted(e)})")
        return
    kind = kinds[0]
    allowed = {"score": {"score", "value", "weight"}, "set": {"set", "to"},
               "add": {"add", "id", "weight"}}[kind]
    extra = set(e) - allowed
    if extra:
        rep.err(f"{at}: unexpected keys {sorted(extra)} in a {kind} effect")
    if kind == "score":
        if e["score"] not in DIMS:
            rep.err(f"{at}: unknown dimension {e['score']!r}")
        v = e.get("value")
        if not is_num(v) or not 0 <= v <= 1:
            rep.err(f"{at}: score value must be a number from 0 to 1")
        w = e.get("weight", 1.0)
        if not is_num(w) or w <= 0:
            rep.err(f"{at}: weight must be a positive number")
    elif kind == "set":
        if "to" not in e:
            rep.err(f"{at}: set {e['set']} needs `to`")
        else:
            msg = check_set_value(e["set"], e["to"])
            if msg:
                rep.err(f"{at}: set {e['set']}: {msg}")
    else:
        lst, tid = e["add"], e.get("id")
        if lst not in ADD_LISTS:
            rep.err(f"{at}: cannot add to {lst!r}")
        elif lst == "interests" and tid not in ref.categories:
            rep.err(f"{at}: unknown category {tid!r}")
        elif lst in ("skills", "learning_goals") and tid not in ref.skills:
            rep.err(f"{at}: unknown skill {tid!r}")
        w = e.get("weight", 1.0)
        if not is_num(w) or not 0 < w <= 1:
            rep.err(f"{at}: add weight must be in (0, 1]")


def check_definition(d, ref: Ref, rep: Report):
    if not isinstance(d, dict):
        rep.err("the file must be a map")
        return
    for k in set(d) - TOP_KEYS:
        rep.err(f"unknown top-level key {k!r}")
    for k in TOP_REQUIRED - set(d):
        rep.err(f"missing top-level key {k!r}")
    if not isinstance(d.get("id"), str) or not ID_RE.match(d.get("id", "")):
        rep.err("id: must be a lowercase id")
    if not isinstance(d.get("version"), int) or isinstance(d.get("version"), bool) or d["version"] < 1:
        rep.err("version: must be a positive integer")
    langs = d.get("languages")
    if langs != ["nl", "en"]:
        rep.err(f"languages: expected [nl, en], got {langs!r}")
        langs = ["nl", "en"]
    for k in ("title", "intro", "instrument_note"):
        if k in d:
            check_text(rep, k, d[k], langs)
    note = (d.get("instrument_note") or {}).get("en", "") + (d.get("instrument_note") or {}).get("nl", "")
    for must in ("Volunteer Functions Inventory", "Clary", "1998", "Niebuur", "2019", "16:3106", "B1"):
        if must not in note:
            rep.err(f"instrument_note: should mention {must!r}")
    em = d.get("estimated_minutes")
    if not isinstance(em, int) or not 1 <= em <= 15:
        rep.err("estimated_minutes: must be a whole number of minutes (1-15)")

    defaults = d.get("defaults") or {}
    if not isinstance(defaults, dict):
        rep.err("defaults: must be a map")
        defaults = {}
    for field, v in defaults.items():
        msg = check_set_value(field, v)
        if msg:
            rep.err(f"defaults.{field}: {msg}")
        if field in LIMIT_FIELDS:
            rep.err(f"defaults.{field}: a limit cannot have a default; a skipped question must stay unknown")

    # ---- sections and items
    items = []
    section_ids = set()
    for si, s in enumerate(d.get("sections") or []):
        at = f"sections[{si}]"
        if not isinstance(s, dict):
            rep.err(f"{at}: must be a map")
            continue
        for k in set(s) - SECTION_KEYS:
            rep.err(f"{at}: unknown key {k!r}")
        sid = s.get("id")
        if not isinstance(sid, str) or not ID_RE.match(sid):
            rep.err(f"{at}: bad id {sid!r}")
        elif sid in section_ids:
            rep.err(f"{at}: duplicate section id {sid!r}")
        section_ids.add(sid)
        check_text(rep, f"section {sid}.title", s.get("title"), langs)
        if "intro" in s:
            check_text(rep, f"section {sid}.intro", s["intro"], langs)
        if not s.get("items"):
            rep.err(f"section {sid}: has no items")
        for it in s.get("items") or []:
            items.append(it)

    item_ids = set()
    reverse_items = []
    setters: dict[str, set] = {}  # persona field -> item ids that fill it
    for it in items:
        if not isinstance(it, dict):
            rep.err("an item must be a map")
            continue
        iid = it.get("id")
        at = f"item {iid!r}"
        if not isinstance(iid, str) or not ID_RE.match(iid):
            rep.err(f"{at}: id must be lowercase a-z, 0-9 and '-'")
        if iid in item_ids:
            rep.err(f"{at}: duplicate item id")
        item_ids.add(iid)
        typ = it.get("type")
        if typ not in ITEM_TYPES:
            rep.err(f"{at}: unknown type {typ!r}")
            continue
        for k in set(it) - ITEM_KEYS[typ]:
            rep.err(f"{at}: key {k!r} is not used by a {typ} item")
        if not isinstance(it.get("required"), bool):
            rep.err(f"{at}: required must be true or false")
        check_text(rep, f"{at}.text", it.get("text"), langs)
        if "help" in it:
            check_text(rep, f"{at}.help", it["help"], langs)

        if typ in TARGETS:
            tgt = it.get("target")
            if tgt not in TARGETS[typ]:
                rep.err(f"{at}: a {typ} item must target one of {sorted(TARGETS[typ])}, got {tgt!r}")
            else:
                setters.setdefault(tgt, set()).add(iid)
        if typ == "number":
            lo, hi, step = it.get("min"), it.get("max"), it.get("step")
            if not (is_num(lo) and is_num(hi) and lo <= hi):
                rep.err(f"{at}: needs numbers min <= max")
            if step is not None and (not is_num(step) or step <= 0):
                rep.err(f"{at}: step must be positive")
            if "unit" in it:
                check_text(rep, f"{at}.unit", it["unit"], langs)
            else:
                rep.err(f"{at}: a number item needs a unit")
        if typ == "text":
            ml = it.get("max_length")
            if not isinstance(ml, int) or isinstance(ml, bool) or not 1 <= ml <= 300:
                rep.err(f"{at}: max_length must be a whole number up to 300")

        if typ == "likert":
            sc = it.get("scale") or {}
            if set(sc) - {"min", "max", "labels"}:
                rep.err(f"{at}.scale: unknown keys {sorted(set(sc) - {'min', 'max', 'labels'})}")
            lo, hi = sc.get("min"), sc.get("max")
            if not (isinstance(lo, int) and isinstance(hi, int) and lo < hi):
                rep.err(f"{at}.scale: needs whole numbers min < max")
            else:
                if (lo, hi) != (1, 5):
                    rep.err(f"{at}.scale: the Talent Scan uses 1-5 scales")
                labels = sc.get("labels") or {}
                if set(labels) != set(langs):
                    rep.err(f"{at}.scale.labels: needs exactly {langs}")
                for lang in langs:
                    ls = labels.get(lang) or []
                    if len(ls) != hi - lo + 1 or not all(isinstance(x, str) and x.strip() for x in ls):
                        rep.err(f"{at}.scale.labels.{lang}: needs {hi - lo + 1} labels")
            feeds = it.get("feeds") or []
            if not feeds:
                rep.err(f"{at}: a likert item must feed a dimension")
            for f in feeds:
                if not isinstance(f, dict) or set(f) - {"dim", "weight", "reverse"}:
                    rep.err(f"{at}: a feed is {{dim, weight, reverse}}")
                    continue
                if f.get("dim") not in DIMS:
                    rep.err(f"{at}: unknown dimension {f.get('dim')!r}")
                w = f.get("weight", 1.0)
                if not is_num(w) or w <= 0:
                    rep.err(f"{at}: feed weight must be positive")
                if not isinstance(f.get("reverse", False), bool):
                    rep.err(f"{at}: reverse must be true or false")
                setters.setdefault(f.get("dim"), set()).add(iid)
            if any(f.get("reverse") for f in feeds if isinstance(f, dict)):
                reverse_items.append(iid)

        if typ in ("single", "multi"):
            opts = it.get("options") or []
            if len(opts) < 2:
                rep.err(f"{at}: needs at least 2 options")
            values = set()
            adds = {e.get("add") for o in opts if isinstance(o, dict)
                    for e in (o.get("effects") or []) if isinstance(e, dict)}
            taxonomy_list = bool(adds & ADD_LISTS)
            limit = 17 if taxonomy_list else 8
            if len(opts) > limit:
                rep.err(f"{at}: {len(opts)} options is too long for a phone (max {limit})")
            for o in opts:
                if not isinstance(o, dict):
                    rep.err(f"{at}: an option must be a map")
                    continue
                oat = f"{at} option {o.get('value')!r}"
                for k in set(o) - OPTION_KEYS:
                    rep.err(f"{oat}: unknown key {k!r}")
                v = o.get("value")
                if not isinstance(v, str) or not ID_RE.match(v):
                    rep.err(f"{oat}: value must be a lowercase id string")
                if v in values:
                    rep.err(f"{oat}: duplicate value")
                values.add(v)
                check_text(rep, f"{oat}.label", o.get("label"), langs)
                if "exclusive" in o:
                    if typ != "multi":
                        rep.err(f"{oat}: exclusive only makes sense in a multi item")
                    if not isinstance(o["exclusive"], bool):
                        rep.err(f"{oat}: exclusive must be true or false")
                if not isinstance(o.get("effects", []), list):
                    rep.err(f"{oat}: effects must be a list")
                    continue
                for ei, e in enumerate(o.get("effects") or []):
                    check_effect(rep, f"{oat} effect {ei}", e, ref)
                    if isinstance(e, dict):
                        if "set" in e:
                            setters.setdefault(e["set"], set()).add(iid)
                        if "add" in e:
                            setters.setdefault(e["add"], set()).add(iid)
                        if "score" in e:
                            setters.setdefault(e["score"], set()).add(iid)
            if typ == "multi":
                mn, mx = it.get("min"), it.get("max")
                for k, v in (("min", mn), ("max", mx)):
                    if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                        rep.err(f"{at}: {k} must be a whole number")
                if isinstance(mn, int) and isinstance(mx, int) and mn > mx:
                    rep.err(f"{at}: min > max")
                if isinstance(mx, int) and mx > len(opts):
                    rep.err(f"{at}: max is larger than the number of options")
                if sum(1 for o in opts if isinstance(o, dict) and o.get("exclusive")) > 1:
                    rep.notes.append(f"{at}: more than one exclusive option")

    n = len(items)
    if not 15 <= n <= 25:
        rep.err(f"the questionnaire has {n} items; it must have 15 to 25")
    if len(reverse_items) < 2:
        rep.err(f"at least two reverse-keyed likert items needed, found {reverse_items}")

    # ---- design rules of the Talent Scan
    by_id = {it.get("id"): it for it in items if isinstance(it, dict)}
    for f in sorted(PERSONA_FIELDS - set(setters)):
        rep.err(f"no item fills persona field {f!r}")
    for f, ids in sorted(setters.items()):
        if f in SET_FIELDS and len(ids) > 1 and f != "needs.first_step":
            # needs.first_step is only ever set to true, so order cannot matter.
            rep.err(f"persona field {f!r} is set by several items {sorted(ids)}: answer order would matter")
    for f in sorted(SET_FIELDS & set(setters)):
        values = {json.dumps(e["to"]) for it in items if isinstance(it, dict)
                  for o in it.get("options") or [] for e in o.get("effects") or []
                  if isinstance(e, dict) and e.get("set") == f}
        if f == "needs.first_step" and values - {"true"}:
            rep.err("needs.first_step may only be set to true (it is set by more than one item)")
    for m in MOTIVES:
        vfi = [it["id"] for it in items if isinstance(it, dict) and it.get("type") == "likert"
               and any(f.get("dim") == f"motivation.{m}" for f in it.get("feeds") or [])]
        if len(vfi) != 1:
            rep.err(f"motivation.{m}: expected exactly one VFI likert item, found {vfi}")
    for tgt in ("travel.origin", "availability.slots"):
        for iid in setters.get(tgt, ()):
            if not by_id[iid].get("required"):
                rep.err(f"item {iid!r} ({tgt}) must be required")
    for iid in setters.get("interests", ()):
        if not by_id[iid].get("required"):
            rep.err(f"item {iid!r} (interests) must be required")
    for f in ("situation.age_band", "situation.on_benefit"):
        for iid in setters.get(f, ()):
            it = by_id[iid]
            if it.get("required"):
                rep.err(f"item {iid!r} ({f}) must be optional")
            neutral = [o for o in it.get("options") or []
                       if not any(e.get("set") == f and e.get("to") is not None
                                  for e in o.get("effects") or [])]
            if not any("liever niet" in o["label"]["nl"].lower() for o in neutral):
                rep.err(f"item {iid!r}: needs a 'Zeg ik liever niet' option that leaves {f} unset or null")
    for iid in setters.get("situation.on_benefit", ()):
        h = by_id[iid].get("help", {}).get("nl", "").lower()
        if "alleen" not in h or "nooit" not in h or "vergoeding" not in h:
            rep.err(f"item {iid!r}: help must say it is only used to explain allowance rules, never to filter")
    for iid in setters.get("work_goal", ()):
        it = by_id[iid]
        if it.get("required"):
            rep.err(f"item {iid!r} (work_goal) must be optional")
        labels = [o["label"]["nl"] for o in it.get("options") or []
                  if any(e.get("to") == "not_for_me" for e in o.get("effects") or [])]
        if "Betaald werk is niet voor mij" not in labels:
            rep.err(f"item {iid!r}: 'Betaald werk is niet voor mij' must be an answer")

    # ---- archetypes
    archs = d.get("archetypes") or []
    if not 6 <= len(archs) <= 8:
        rep.err(f"archetypes: {len(archs)} defined, need 6 to 8")
    aids = [a.get("id") for a in archs if isinstance(a, dict)]
    if len(set(aids)) != len(aids):
        rep.err("archetypes: duplicate id")
    for missing in sorted(REQUIRED_ARCHETYPES - set(aids)):
        rep.err(f"archetypes: {missing!r} is missing")
    sigs = {}
    for a in archs:
        at = f"archetype {a.get('id')!r}"
        if set(a) - {"id", "label", "description", "signature"}:
            rep.err(f"{at}: unknown keys {sorted(set(a) - {'id', 'label', 'description', 'signature'})}")
        if not isinstance(a.get("id"), str) or not ID_RE.match(a.get("id", "")):
            rep.err(f"{at}: bad id")
        check_text(rep, f"{at}.label", a.get("label"), langs)
        check_text(rep, f"{at}.description", a.get("description"), langs)
        desc = (a.get("description") or {}).get("nl", "")
        if not desc.startswith("Jij "):
            rep.err(f"{at}.description.nl: should address the resident ('Jij ...')")
        sig = a.get("signature") or {}
        if not sig:
            rep.err(f"{at}: empty signature")
        for k, w in sig.items():
            kind, _, rest = k.partition(".")
            ok = ((kind == "motivation" and rest in MOTIVES) or (kind == "kkwz" and rest in KKWZ)
                  or (kind == "interest" and rest in ref.categories)
                  or (kind in ("skill", "learn") and rest in ref.skills))
            if not ok:
                rep.err(f"{at}.signature: unknown key {k!r}")
            if not is_num(w) or w <= 0:
                rep.err(f"{at}.signature.{k}: weight must be positive")
        sigs[a.get("id")] = sig
    ids = list(sigs)
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            keys = set(sigs[x]) | set(sigs[y])
            dot = sum(sigs[x].get(k, 0) * sigs[y].get(k, 0) for k in keys)
            nx = math.sqrt(sum(v * v for v in sigs[x].values()))
            ny = math.sqrt(sum(v * v for v in sigs[y].values()))
            cos = dot / (nx * ny) if nx and ny else 0
            if cos > 0.5:
                rep.err(f"archetypes {x!r} and {y!r} are too similar (cosine {cos:.2f})")

    # ---- KKWZ texts
    kt = d.get("kkwz_texts") or {}
    if set(kt) != set(KKWZ):
        rep.err(f"kkwz_texts: needs exactly {KKWZ}")
    for k in KKWZ:
        bands = kt.get(k) or {}
        if set(bands) != {"low", "mid", "high"}:
            rep.err(f"kkwz_texts.{k}: needs low, mid and high")
        for b in ("low", "mid", "high"):
            check_text(rep, f"kkwz_texts.{k}.{b}", bands.get(b), langs)
    return items


# --------------------------------------------------------------------------------------
# Answers and the reference scorer
# --------------------------------------------------------------------------------------
def check_answers(d, items, answers, ref: Ref, at: str, rep: Report):
    by_id = {it["id"]: it for it in items}
    if not isinstance(answers, dict):
        rep.err(f"{at}: answers must be a map")
        return
    for k in answers:
        if k not in by_id:
            rep.err(f"{at}: unknown item {k!r}")
    for it in items:
        iid, typ = it["id"], it["type"]
        v = answers.get(iid)
        if v is None:
            if it.get("required"):
                rep.err(f"{at}: required item {iid!r} is not answered")
            continue
        a = f"{at} answer {iid!r}"
        values = [o["value"] for o in it.get("options") or []]
        if typ == "single":
            if not isinstance(v, str) or v not in values:
                rep.err(f"{a}: {v!r} is not one of {values}")
        elif typ == "multi":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                rep.err(f"{a}: must be a list of option values")
                continue
            for x in v:
                if x not in values:
                    rep.err(f"{a}: {x!r} is not one of the options")
            if len(set(v)) != len(v):
                rep.err(f"{a}: an option is chosen twice")
            if it.get("min") is not None and len(v) < it["min"]:
                rep.err(f"{a}: choose at least {it['min']}")
            if it.get("required") and not v:
                rep.err(f"{a}: required, choose at least one")
            if it.get("max") is not None and len(v) > it["max"]:
                rep.err(f"{a}: choose at most {it['max']}")
            excl = {o["value"] for o in it["options"] if o.get("exclusive")}
            if len(v) > 1 and excl & set(v):
                rep.err(f"{a}: {sorted(excl & set(v))} cannot be combined with other answers")
        elif typ == "likert":
            sc = it["scale"]
            if not isinstance(v, int) or isinstance(v, bool) or not sc["min"] <= v <= sc["max"]:
                rep.err(f"{a}: must be a whole number from {sc['min']} to {sc['max']}")
        elif typ == "number":
            if not is_num(v) or not it["min"] <= v <= it["max"]:
                rep.err(f"{a}: must be a number from {it['min']} to {it['max']}")
            elif it.get("step") and abs((v - it["min"]) / it["step"] - round((v - it["min"]) / it["step"])) > 1e-9:
                rep.err(f"{a}: must be a multiple of {it['step']} from {it['min']}")
        elif typ == "slots":
            if not isinstance(v, list) or not all(isinstance(x, str) and x in SLOTS for x in v):
                rep.err(f"{a}: must be a list of slot ids like 'thu-afternoon'")
            elif len(set(v)) != len(v):
                rep.err(f"{a}: a slot is listed twice")
            elif it.get("required") and not v:
                rep.err(f"{a}: required, choose at least one slot")
        elif typ == "place":
            if not isinstance(v, str) or ref.place(v) is None:
                rep.err(f"{a}: {v!r} is not a Den Haag pc4 postcode or wijk name")
        elif typ == "text":
            if not isinstance(v, str) or len(v) > it.get("max_length", 300):
                rep.err(f"{a}: must be text of at most {it.get('max_length', 300)} characters")


def score(d, items, answers, ref: Ref, missing_value=0.5, interest_mode="max"):
    """Answers -> persona, following the format rules literally."""
    p = {"availability": {}, "travel": {}, "needs": {}, "constraints": {}, "situation": {}}

    def put(path, v):
        parts = path.split(".")
        cur = p
        for k in parts[:-1]:
            cur = cur.setdefault(k, {})
        cur[parts[-1]] = v

    for f, v in (d.get("defaults") or {}).items():
        put(f, v)
    dims: dict[str, list] = {}
    interests: dict[str, float] = {}
    skills, learning = set(), set()

    def apply(e):
        if "score" in e:
            s = dims.setdefault(e["score"], [0.0, 0.0])
            w = e.get("weight", 1.0)
            s[0] += w * e["value"]
            s[1] += w
        elif "set" in e:
            put(e["set"], e["to"])
        elif "add" in e:
            if e["add"] == "interests":
                interests[e["id"]] = interests.get(e["id"], 0.0) + e.get("weight", 1.0)
            elif e["add"] == "skills":
                skills.add(e["id"])
            else:
                learning.add(e["id"])

    for it in items:
        v = answers.get(it["id"])
        if v is None:
            continue
        typ = it["type"]
        opts = {o["value"]: o for o in it.get("options") or []}
        if typ == "single":
            for e in opts[v].get("effects") or []:
                apply(e)
        elif typ == "multi":
            for x in v:
                for e in opts[x].get("effects") or []:
                    apply(e)
        elif typ == "likert":
            sc = it["scale"]
            x = (v - sc["min"]) / (sc["max"] - sc["min"])
            for f in it["feeds"]:
                s = dims.setdefault(f["dim"], [0.0, 0.0])
                w = f.get("weight", 1.0)
                s[0] += w * ((1 - x) if f.get("reverse") else x)
                s[1] += w
        elif typ == "number":
            put(it["target"], v)
        elif typ == "slots":
            put("availability.slots", sorted(set(v)))
        elif typ == "place":
            put("travel.origin", ref.place(v))
        elif typ == "text":
            if v.strip():
                p["words"] = v.strip()

    def mean(dim):
        s = dims.get(dim)
        return s[0] / s[1] if s and s[1] > 0 else None

    p["kkwz"] = {k: (mean(f"kkwz.{k}") if mean(f"kkwz.{k}") is not None else missing_value) * 100
                 for k in KKWZ}
    p["kkwz_answered"] = {k: mean(f"kkwz.{k}") is not None for k in KKWZ}
    p["motivations"] = {m: mean(f"motivation.{m}") if mean(f"motivation.{m}") is not None
                        else missing_value for m in MOTIVES}
    if interest_mode == "max":
        p["interests"] = {k: min(1.0, v) for k, v in interests.items()}
    else:  # share of all interests
        tot = sum(interests.values())
        p["interests"] = {k: v / tot for k, v in interests.items()}
    p["skills"] = sorted(skills)
    p["learning_goals"] = sorted(learning)

    def value(key):
        kind, _, rest = key.partition(".")
        if kind == "motivation":
            return p["motivations"][rest]
        if kind == "kkwz":
            return p["kkwz"][rest] / 100
        if kind == "interest":
            return p["interests"].get(rest, 0.0)
        if kind == "skill":
            return 1.0 if rest in skills else 0.0
        if kind == "learn":
            return 1.0 if rest in learning else 0.0
        return 0.0

    best, scores = None, {}
    for a in d["archetypes"]:
        s = sum(w * value(k) for k, w in a["signature"].items())
        scores[a["id"]] = s
        if best is None or s > scores[best] + 1e-9:
            best = a["id"]
    p["archetype"] = best
    p["archetype_scores"] = scores
    return p


def lookup(p, path):
    cur = p
    for k in path.split("."):
        if not isinstance(cur, dict) or k not in cur:
            return KeyError
        cur = cur[k]
    return cur


VARIANTS = [(0.5, "max"), (0.0, "max"), (0.5, "share"), (0.0, "share")]


def check_prototypes(d, items, ref: Ref, rep: Report):
    """Each archetype must win for a resident who answers exactly like its signature.

    The prototype picks the interests, skills and learning goals named in the signature,
    says "klopt helemaal" (5) to the VFI items of its motives and "een beetje" (3) to the
    others, and answers the KKWZ items its signature names at the top of the scale."""
    by_id = {it["id"]: it for it in items}
    place = next(it for it in items if it["type"] == "place")
    slots = next(it for it in items if it["type"] == "slots")

    def options_adding(lst, ids):
        out = {}
        for it in items:
            for o in it.get("options") or []:
                for e in o.get("effects") or []:
                    if e.get("add") == lst and e.get("id") in ids:
                        out.setdefault(it["id"], []).append(o["value"])
        return out

    def likert_for(dim):
        for it in items:
            if it["type"] == "likert" and any(f["dim"] == dim and f.get("weight", 1.0) >= 1.0
                                              for f in it["feeds"]):
                return it
        return None

    for a in d["archetypes"]:
        sig = a["signature"]
        ans = {place["id"]: "2532", slots["id"]: ["sat-morning"]}
        picks = {}
        for lst, kind in (("interests", "interest"), ("skills", "skill"), ("learning_goals", "learn")):
            ids = {k.partition(".")[2] for k in sig if k.startswith(kind + ".")}
            for iid, vals in options_adding(lst, ids).items():
                mx = by_id[iid].get("max")
                picks[iid] = vals[:mx] if mx else vals
        ans.update(picks)
        for it in items:
            if it["type"] == "multi" and it.get("required") and it["id"] not in ans:
                ans[it["id"]] = [next(o["value"] for o in it["options"] if o.get("exclusive"))]
        for m in MOTIVES:
            it = likert_for(f"motivation.{m}")
            ans[it["id"]] = 5 if f"motivation.{m}" in sig else 3
        for k in KKWZ:
            if f"kkwz.{k}" not in sig:
                continue
            it = likert_for(f"kkwz.{k}")
            if it is not None:
                rev = any(f.get("reverse") for f in it["feeds"] if f["dim"] == f"kkwz.{k}")
                ans[it["id"]] = 1 if rev else 5
            else:  # the option with the highest contribution
                for it in items:
                    best = max(((e["value"], o["value"]) for o in it.get("options") or []
                                for e in o.get("effects") or [] if e.get("score") == f"kkwz.{k}"
                                and not o.get("exclusive")), default=None)
                    if best:
                        ans[it["id"]] = best[1]
                        break
        n_err = len(rep.errors)
        check_answers(d, items, ans, ref, f"prototype {a['id']}", rep)
        if len(rep.errors) > n_err:
            continue
        got = {score(d, items, ans, ref, mv, im)["archetype"] for mv, im in VARIANTS}
        if got != {a["id"]}:
            rep.err(f"archetype {a['id']!r}: a resident answering like its signature gets {sorted(got)}")


def check_fixture(path, d, items, ref: Ref, rep: Report, summary: list):
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            fx = json.load(f)
    except (OSError, ValueError) as e:
        rep.err(f"{name}: cannot read: {e}")
        return
    if set(fx) != {"description", "request", "expect"}:
        rep.err(f"{name}: needs exactly description, request, expect")
        return
    req = fx["request"]
    if set(req) != {"questionnaire", "version", "lang", "answers", "store"}:
        rep.err(f"{name}: request needs questionnaire, version, lang, answers, store")
        return
    if req["questionnaire"] != d["id"] or req["version"] != d["version"]:
        rep.err(f"{name}: request is for {req['questionnaire']} v{req['version']}")
    if req["lang"] not in d["languages"]:
        rep.err(f"{name}: lang {req['lang']!r} is not a questionnaire language")
    if req["store"] is not False:
        rep.err(f"{name}: fixtures must not be stored (store: false)")
    n_err = len(rep.errors)
    check_answers(d, items, req["answers"], ref, name, rep)
    if len(rep.errors) > n_err:
        return
    personas = [score(d, items, req["answers"], ref, mv, im) for mv, im in VARIANTS]
    p = personas[0]
    exp = fx["expect"]
    if not exp:
        rep.err(f"{name}: expect is empty")
    for key, want in exp.items():
        if key == "archetype_one_of":
            got = {q["archetype"] for q in personas}
            if not got <= set(want):
                rep.err(f"{name}: archetype {sorted(got)} not in {want} "
                        f"(scores {', '.join(f'{k} {v:.2f}' for k, v in sorted(p['archetype_scores'].items(), key=lambda kv: -kv[1]))})")
        elif key == "interests_include":
            for c in want:
                if c not in p["interests"]:
                    rep.err(f"{name}: interest {c!r} missing")
        elif key in ("kkwz_low", "kkwz_high"):
            for k in want:
                if k not in KKWZ:
                    rep.err(f"{name}: {key}: unknown dimension {k!r}")
                    continue
                if not p["kkwz_answered"][k]:
                    rep.err(f"{name}: {key} {k}: no answer feeds it, so it is not determined")
                    continue
                v = p["kkwz"][k]
                if (key == "kkwz_low" and not v < 40) or (key == "kkwz_high" and not v >= 70):
                    rep.err(f"{name}: kkwz.{k} is {v:.0f}, expected {key[5:]}")
        elif key.split(".")[0] in {"work_goal", "availability", "travel", "needs", "constraints",
                                   "situation", "words"}:
            got = lookup(p, key)
            if got is KeyError:
                rep.err(f"{name}: {key} is not set by any answer or default")
            elif isinstance(want, list) and isinstance(got, list):
                if sorted(want) != sorted(got):
                    rep.err(f"{name}: {key} is {got}, expected {want}")
            elif got != want:
                rep.err(f"{name}: {key} is {got!r}, expected {want!r}")
        else:
            rep.err(f"{name}: unknown expectation {key!r}")
    summary.append((name, p))


# --------------------------------------------------------------------------------------
def main(argv):
    qpath = argv[1] if len(argv) > 1 else os.path.join(ROOT, "questionnaires", "talentscan", "v1.yaml")
    fdir = argv[2] if len(argv) > 2 else os.path.join(ROOT, "tests", "fixtures", "scans")
    ref = Ref(ROOT)
    rep = Report()
    try:
        with open(qpath, encoding="utf-8") as f:
            d = yaml.load(f, Loader=StrictLoader)
    except (OSError, yaml.YAMLError) as e:
        print(f"FAIL {qpath}: {e}")
        return 1
    items = check_definition(d, ref, rep)
    def_errors = len(rep.errors)

    print(f"{qpath}: {len(items)} items")
    for s in d.get("sections") or []:
        print(f"  [{s.get('id')}]")
        for it in s.get("items") or []:
            extra = ""
            if it.get("type") in ("single", "multi"):
                extra = f"{len(it.get('options') or [])} options"
            elif it.get("type") == "likert":
                extra = ", ".join(f"{f['dim']}{' (reverse)' if f.get('reverse') else ''}"
                                  for f in it.get("feeds") or [])
            elif it.get("target"):
                extra = f"-> {it['target']}"
            print(f"    {it.get('id'):<18} {it.get('type'):<7} {'required' if it.get('required') else 'optional':<9} {extra}")

    summary = []
    if def_errors == 0:
        check_prototypes(d, items, ref, rep)
        files = sorted(glob.glob(os.path.join(fdir, "*.json")))
        if not files:
            rep.err(f"no fixtures in {fdir}")
        for path in files:
            check_fixture(path, d, items, ref, rep, summary)
        if summary:
            print(f"\n{fdir}: {len(summary)} fixtures (reference scorer, unanswered = 0.5)")
            for name, p in summary:
                k = p["kkwz"]
                print(f"  {name:<16} {p['archetype']:<13} K{k['kennen']:3.0f} K{k['kunnen']:3.0f} "
                      f"W{k['willen']:3.0f} Z{k['zijn']:3.0f}  {p['work_goal']:<10} "
                      f"{p['availability'].get('frequency')}/{p['availability'].get('hours_per_week')}h "
                      f"{','.join(p['availability'].get('slots', []))}")
            distinct = {p["archetype"] for _, p in summary}
            if len(summary) >= 6 and len(distinct) < 5:
                rep.err(f"fixtures reach only {len(distinct)} archetypes: signatures are not distinct enough")
    else:
        print("\n(fixtures not checked: fix the definition first)")

    for n in rep.notes:
        print(f"note: {n}")
    if rep.errors:
        print(f"\n{len(rep.errors)} problem(s):")
        for e in rep.errors:
            print(f"  - {e}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
