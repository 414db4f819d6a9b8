#!/usr/bin/env python3
"""Generate the FICTIONAL sample catalog for talentscan (data/sample/*.json).

Everything in here is made up: organisations, people, e-mail addresses, phone
numbers and listings. Only the wijk names, postcodes and centroids are real
(they come from data/reference/*.csv) and each point is jittered a little.

The texts are written by hand below; this script only fills in the repetitive
parts (contact details, coordinates, average hours per week, ids) so that the
records follow docs/contract.md exactly. Deterministic, stdlib only:

    python3 data/sample/generate.py      # writes the four JSON files
    python3 data/sample/check.py         # validates them
"""
import csv
import datetime as dt
import hashlib
import json
import math
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
REF = os.path.join(DATA, "reference")

# --------------------------------------------------------------------------
# reference data
# --------------------------------------------------------------------------
WIJK = {}  # name -> (code, lat, lon)
with open(os.path.join(REF, "denhaag-wijken.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        WIJK[r["name"]] = (r["code"], float(r["lat"]), float(r["lon"]))
WIJK_BY_CODE = {v[0]: k for k, v in WIJK.items()}
PC4 = {}  # pc4 -> (lat, lon, wijk name)
with open(os.path.join(REF, "denhaag-pc4.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        PC4[r["pc4"]] = (float(r["lat"]), float(r["lon"]), WIJK_BY_CODE[r["wijk_code"]])


def h01(*parts):
    """Deterministic pseudo-random float in [0,1) from a key."""
    d = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(d[:8], "big") / 2.0**64


def jitter(lat, lon, key, max_m):
    """Move a point at most max_m metres, deterministically per key."""
    r = max_m * math.sqrt(h01(key, "r"))
    a = 2 * math.pi * h01(key, "a")
    dlat = r * math.cos(a) / 111320.0
    dlon = r * math.sin(a) / (111320.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s.lower() if c.isalnum() or c in ".-")


def phone(n):
    """Fictional Haags number in the 555 block: 070 555 AB CD."""
    x = (1013 + n * 173) % 10000
    return "070 555 %02d %02d" % (x // 100, x % 100)


# --------------------------------------------------------------------------
# organisations
# --------------------------------------------------------------------------
ORGS = []
ORG = {}  # short -> internal record


def org(short, oid, name, kind, wijk, pc4, contact, desc, start="2026-09-01"):
    assert wijk in WIJK, wijk
    assert pc4 in PC4, pc4
    if PC4[pc4][2] == wijk:
        clat, clon = PC4[pc4][0], PC4[pc4][1]
    else:  # wijk without its own PC4 in the table (Zuiderpark): use the wijk centroid
        clat, clon = WIJK[wijk][1], WIJK[wijk][2]
    lat, lon = jitter(clat, clon, "org:" + oid, 200)
    n = len(ORGS) + 1
    first = contact.split()[0]
    email = "%s.%s@example.org" % (ascii_slug(first), short)
    rec = {
        "id": oid,
        "name": name,
        "description": desc,
        "wijk": wijk,
        "location": {"lat": lat, "lon": lon},
        "website": "https://example.org/%s" % oid,
        "contact": {"name": contact, "email": email, "phone": phone(n)},
        "kind": kind,
    }
    ORGS.append(rec)
    ORG[short] = {"rec": rec, "pc4": pc4, "start": start, "n": n}
    return short


# --------------------------------------------------------------------------
# tasks and roles
# --------------------------------------------------------------------------
TASKS = []
ROLES = []
_extra_contacts = [0]

FACTOR = {"weekly": 1.0, "biweekly": 0.5, "monthly": 0.25}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def role(short, slug, title, desc):
    rid = "%s-%s" % (short, slug)
    ROLES.append({"id": rid, "organisation_id": ORG[short]["rec"]["id"], "title": title,
                  "description": desc})
    return rid


def task(short, slug, title, desc, cats, skills, learn=(), *, slots=(), freq="weekly",
         hpw=None, hps=None, months=0, on_call=False, flexible=False, start=None, end=None,
         load="low", lang="B1", onb="i", allow="expenses", eur=None, cert=False, work=(),
         req=(), suit=(), offers=None, role=None, ess=False, remote=False, contact=None):
    o = ORG[short]
    orec = o["rec"]
    tid = "%s-%s" % (short, slug)
    if contact is None:
        c = dict(orec["contact"])
    else:
        _extra_contacts[0] += 1
        first = contact.split()[0]
        c = {"name": contact, "email": "%s.%s@example.org" % (ascii_slug(first), short),
             "phone": phone(100 + _extra_contacts[0])}
    if hpw is None:
        assert hps is not None, tid
        if freq == "once":
            hpw = hps
        else:
            assert freq in FACTOR and slots, tid
            hpw = hps * len(slots) * FACTOR[freq]
    hpw = round(hpw, 2)
    if start is None:
        start = o["start"]
    if freq == "once":
        assert end == start and len(slots) == 1, tid
        day = DAYS[dt.date.fromisoformat(start).weekday()]
        assert slots[0].startswith(day), (tid, day)
    desc = desc.format(cname=c["name"], cfirst=c["name"].split()[0], cphone=c["phone"],
                       cemail=c["email"])
    t = {
        "id": tid,
        "title": title,
        "description": desc,
        "organisation_id": orec["id"],
        "categories": list(cats),
        "skills": list(skills),
        "learn_skills": list(learn),
    }
    if not remote:
        pc4 = o["pc4"]
        lat, lon = jitter(orec["location"]["lat"], orec["location"]["lon"], "task:" + tid, 120)
        t["location"] = {"wijk": orec["wijk"], "postcode": pc4, "lat": lat, "lon": lon}
    t["remote"] = remote
    t["schedule"] = {
        "slots": list(slots), "frequency": freq, "hours_per_week": hpw,
        "hours_per_session": hps, "min_months": months, "on_call": on_call,
        "flexible": flexible, "start": start, "end": end,
    }
    t["physical_load"] = load
    t["language_level"] = lang
    t["onboarding"] = {"intro_meeting": "i" in onb, "buddy": "b" in onb,
                       "training_provided": "t" in onb, "trial_period": "p" in onb}
    t["contact"] = c
    if allow == "va":
        t["allowance"] = {"kind": "volunteer_allowance", "per_hour_eur": eur}
    else:
        t["allowance"] = {"kind": allow, "per_hour_eur": None}
    t["certificate"] = cert
    t["work_experience"] = list(work)
    t["required_trainings"] = list(req)
    t["suitable_for"] = list(suit)
    if offers is not None:
        t["offers"] = list(offers)
    t["role_id"] = role
    t["essential"] = ess
    TASKS.append(t)
    return tid


# shorthands for first-step listings
FIRST = "ibp"  # intro meeting + buddy + trial period

# --------------------------------------------------------------------------
# ORGANISATIONS (all fictional). 29 in Zuidwest, 19 elsewhere in Den Haag.
# --------------------------------------------------------------------------
BV = "Bouwlust en Vrederust"

# Bouwlust en Vrederust
org("zichten", "buurtkamer-de-zichten", "Buurtkamer De Zichten", "buurtkamer", BV, "2543",
    "Sevda Kaya",
    "Een kleine buurtkamer in een oude winkel in Vrederust. Buren drinken hier koffie, doen "
    "spelletjes en helpen elkaar met kleine vragen. De deur staat vijf dagen per week open.")
org("handenwerk", "wijkbedrijf-handenwerk", "Wijkbedrijf Handenwerk", "wijkbedrijf", BV, "2544",
    "Ronald Verhoef",
    "Wijkbedrijf van en voor bewoners van Bouwlust en Vrederust. We doen groenonderhoud, kleine "
    "klussen, schoonmaak en hebben een kantine. Wie hier meedraait, bouwt werkervaring op en "
    "krijgt een bewijs van wat hij of zij kan.", start="2026-01-05")
org("gaarde", "kookcafe-de-gaarde", "Kookcafé De Gaarde", "kookcafe", BV, "2542",
    "Naima El Idrissi",
    "Participatiekeuken in de Dreven. Drie avonden per week koken vrijwilligers een betaalbare "
    "maaltijd voor de buurt. Je kunt hier ook leren koken en werkervaring in de horeca opdoen.")
org("schroef", "repaircafe-de-schroevendraaier", "Repair Café De Schroevendraaier", "repaircafe",
    BV, "2543", "Gerard Bos",
    "Elke tweede en vierde zaterdag repareren we samen kapotte spullen: lampen, broeken, fietsen "
    "en koffiezetapparaten. Weggooien is zonde, samen maken is leuk.")
org("oranjedreven", "vv-oranje-dreven", "VV Oranje Dreven", "sportclub", BV, "2542",
    "Patrick de Graaf",
    "Voetbalvereniging met twaalf jeugdteams en vier seniorenteams. De club draait helemaal op "
    "vrijwilligers, van kantine tot scheidsrechter.", start="2026-08-15")
org("vlierboom", "woonzorgcentrum-de-vlierboom", "Woonzorgcentrum De Vlierboom", "verpleeghuis",
    BV, "2544", "Ingrid Schouten",
    "Woonzorgcentrum met 90 bewoners, onder wie veel mensen met dementie. Vrijwilligers zorgen "
    "voor gezelligheid, een wandeling of een luisterend oor.")
org("zandpad", "brede-school-het-zandpad", "Brede School Het Zandpad", "school", BV, "2543",
    "Mirjam Kok",
    "Basisschool met naschoolse activiteiten voor kinderen uit Bouwlust. Ouders, buren en "
    "stagiairs helpen met lezen, sport en de schoolbibliotheek.", start="2026-08-31")
org("akkerwinde", "buurtmoestuin-de-akkerwinde", "Buurtmoestuin De Akkerwinde", "moestuin", BV,
    "2542", "Dewi Soekarno",
    "Moestuin van 40 bedden aan de rand van De Uithof. Buren kweken samen groente en kruiden. "
    "Er komt een nieuwe tuinschuur en een kas.", start="2026-03-01")

# Moerwijk
org("kroon", "buurtkamer-de-kroon", "Buurtkamer De Kroon", "buurtkamer", "Moerwijk", "2532",
    "Fatima Ouali",
    "Huiskamer voor de buurt in Moerwijk-Zuid. Je kunt hier binnenlopen voor koffie, een praatje, "
    "een spelletje of hulp bij een brief. Alles wordt gedaan door vrijwilligers uit de wijk.")
org("voedselhulp", "voedselhulp-zuidwest-moerwijk", "Voedselhulp Zuidwest, uitdeelpunt Moerwijk",
    "voedselbank", "Moerwijk", "2531", "Henk van Dam",
    "Elke woensdag en vrijdag delen we voedselpakketten uit aan ruim 160 huishoudens. We werken "
    "met vaste ploegen en er is altijd koffie.")
org("woordenkast", "taalhuis-de-woordenkast", "Taalhuis De Woordenkast", "taalhuis", "Moerwijk",
    "2533", "Esther Mulder",
    "Taalhuis voor iedereen die beter Nederlands wil spreken, lezen of schrijven. We hebben een "
    "taalcafé, taalmaatjes en hulp bij formulieren.")
org("vredestraat", "buurtbemiddeling-vrede-in-de-straat", "Buurtbemiddeling Vrede in de Straat",
    "buurtbemiddeling", "Moerwijk", "2531", "Kofi Mensah",
    "Buren met ruzie over geluid, afval of parkeren? Getrainde vrijwilligers helpen hen om samen "
    "weer te praten. We zijn neutraal en alles blijft geheim.")
org("papierwerk", "thuisadministratie-papierwerk-samen", "Papierwerk Samen", "thuisadministratie",
    "Moerwijk", "2532", "Marieke Jansen",
    "Project voor thuisadministratie. Vrijwilligers helpen bewoners om hun post, rekeningen en "
    "toeslagen op orde te krijgen en te houden.")
org("tweederonde", "kringloopwinkel-de-tweede-ronde", "Kringloopwinkel De Tweede Ronde", "kringloop",
    "Moerwijk", "2533", "Agnieszka Nowak",
    "Kringloopwinkel met meubels, kleding, boeken en huisraad. De opbrengst gaat naar activiteiten "
    "in de wijk. We bieden ook werkervaringsplekken.", start="2026-02-01")
org("steuntje", "mantelzorgpunt-het-steuntje", "Mantelzorgpunt Het Steuntje", "mantelzorg",
    "Moerwijk", "2531", "Yvonne Hoekstra",
    "Steunpunt voor mantelzorgers in Zuidwest. We bieden een luisterend oor, een maatje, even "
    "vrij (respijt) en een maandelijks mantelzorgcafé.")
org("schoonzw", "zwerfafvalploeg-schoon-zuidwest", "Zwerfafvalploeg Schoon Zuidwest", "opschoongroep",
    "Moerwijk", "2532", "Brahim Amrani",
    "Groep buren die samen zwerfafval opruimt in Moerwijk, Morgenstond en het Zuiderpark. Grijpers, "
    "handschoenen en vuilniszakken krijg je van ons.")

# Morgenstond
org("bladwijzer", "bibliotheek-de-bladwijzer", "Bibliotheek De Bladwijzer", "bibliotheek",
    "Morgenstond", "2545", "Lotte Visser",
    "Buurtbibliotheek in Morgenstond met een Digicafé, voorleesuurtjes en een leestafel. "
    "Vrijwilligers helpen bezoekers met boeken, computers en formulieren.")
org("boodschappenbus", "boodschappenbus-zuidwest", "Boodschappenbus Zuidwest", "vervoer",
    "Morgenstond", "2541", "Winston Martina",
    "Twee busjes die ouderen en mensen die slecht ter been zijn naar de supermarkt, de markt en "
    "het ziekenhuis brengen. Rijden doen we met vrijwillige chauffeurs.")
org("waterpas", "klusploeg-de-waterpas", "Klusploeg De Waterpas", "klussenteam", "Morgenstond",
    "2541", "Erwin Smit",
    "Klussenteam voor ouderen en bewoners met een kleine portemonnee. We doen kleine klussen in "
    "huis: een lamp ophangen, een kraan vervangen, een drempel weghalen.")
org("gordijn", "buurttheater-het-gordijn", "Buurttheater Het Gordijn", "theater", "Morgenstond",
    "2545", "Shanti Ramdin",
    "Klein theater in een oude gymzaal. Bewoners spelen toneel, maken muziek en organiseren "
    "voorstellingen voor de wijk.")
org("kleinestap", "huiswerkklas-de-kleine-stap", "Huiswerkklas De Kleine Stap", "huiswerkklas",
    "Morgenstond", "2541", "Youssef Bakkali",
    "Huiswerkklas voor kinderen van groep 6 tot en met de tweede klas. Vrijwilligers helpen met "
    "rekenen, lezen en plannen.", start="2026-08-31")
org("zuidwester", "wijkkrant-de-zuidwester", "Wijkkrant De Zuidwester", "wijkkrant",
    "Morgenstond", "2545", "Demet Arslan",
    "Wijkkrant en website met nieuws uit Zuidwest, gemaakt door bewoners. De krant verschijnt "
    "elke maand op papier en elke week online.")
org("klimboom", "speeltuin-de-klimboom", "Speeltuin De Klimboom", "speeltuin", "Morgenstond",
    "2541", "Mohamed Ait Taleb",
    "Speeltuinvereniging met een omheinde speeltuin, een speelhuis en een zandbak. Vrijwilligers "
    "houden toezicht, repareren en bouwen nieuwe speeltoestellen.", start="2026-03-01")

# Leyenburg
org("zeegras", "hospice-het-zeegras", "Hospice Het Zeegras", "hospice", "Leyenburg", "2547",
    "Anouk Verbeek",
    "Bijna-thuis-huis met vier kamers voor mensen in hun laatste levensfase. Vrijwilligers zorgen "
    "samen met verpleegkundigen voor rust, aandacht en een huiselijke sfeer.")
org("hogeveld", "verpleeghuis-het-hoge-veld", "Verpleeghuis Het Hoge Veld", "verpleeghuis",
    "Leyenburg", "2546", "Radjesh Jagessar",
    "Verpleeghuis met zes huiskamers voor mensen met dementie en een afdeling voor revalidatie. "
    "We zoeken vrijwilligers voor gezelschap, uitjes en muziek.")
org("zandloper", "kindcentrum-de-zandloper", "Kindcentrum De Zandloper", "school", "Leyenburg",
    "2547", "Sandra de Wit",
    "Kindcentrum met basisschool, peuterspeelzaal en buitenschoolse opvang. Hulp is welkom bij "
    "lezen, uitjes, techniek en de moestuin van de school.", start="2026-08-31")
org("lenig", "seniorengym-lenig-leyenburg", "Seniorengym Lenig Leyenburg", "sportclub",
    "Leyenburg", "2546", "Joke van Rijn",
    "Beweegclub voor 60-plussers. Elke week gym op de stoel, wandelen en dansen. Daarna drinken we "
    "samen koffie.")

# Zuiderpark (no PC4 of its own in the reference table; nearest postcode used)
org("knorhoek", "kinderboerderij-de-knorhoek", "Kinderboerderij De Knorhoek", "kinderboerderij",
    "Zuiderpark", "2546", "Tomasz Kowalski",
    "Kinderboerderij midden in het Zuiderpark met geiten, varkens, kippen en konijnen. Gratis "
    "toegankelijk en open van dinsdag tot en met zondag.")
org("parklopers", "loopgroep-zuiderpark-lopers", "Loopgroep Zuiderpark Lopers", "sportclub",
    "Zuiderpark", "2533", "Dewi Sastro",
    "Hardloop- en wandelgroep voor beginners en gevorderden. We lopen drie keer per week in het "
    "Zuiderpark, altijd samen en op eigen tempo.")

# Elsewhere in Den Haag
org("tamarinde", "buurthuis-de-tamarinde", "Buurthuis De Tamarinde", "buurthuis",
    "Transvaalkwartier", "2572", "Rachida Benali",
    "Buurthuis met een open inloop, vrouwengroepen, jongerenwerk en een grote zaal voor feesten.")
org("vollepan", "eethuis-de-volle-pan", "Eethuis De Volle Pan", "kookcafe",
    "Laakkwartier en Spoorwijk", "2522", "Marco Rossi",
    "Buurtrestaurant waar je voor vijf euro een warme maaltijd eet. De keuken is ook een "
    "leerplek voor mensen die in de horeca willen werken.")
org("hofstemmen", "buurtkoor-de-hofstemmen", "Buurtkoor De Hofstemmen", "koor", "Centrum", "2512",
    "Gita Mahabier",
    "Gemengd koor voor iedereen die van zingen houdt. Je hoeft geen noten te kunnen lezen. We "
    "zingen in verzorgingshuizen en op buurtfeesten.")
org("wilgenkamp", "natuurtuin-de-wilgenkamp", "Natuurtuin De Wilgenkamp", "natuurtuin", "Loosduinen",
    "2552", "Bart Dekker",
    "Natuurtuin met een vijver, een bijenhotel en een wilgenbos. Schoolklassen komen hier leren "
    "over de natuur.", start="2026-03-01")
org("ketting", "fietswerkplaats-de-ketting", "Fietswerkplaats De Ketting", "fietswerkplaats",
    "Valkenboskwartier", "2563", "Ricardo Pinas",
    "Werkplaats waar je leert je eigen fiets te maken. We knappen ook oude fietsen op voor "
    "nieuwkomers en gezinnen met weinig geld.")
org("zandkorrel", "strandploeg-de-zandkorrel", "Strandploeg De Zandkorrel", "opschoongroep",
    "Scheveningen", "2586", "Ilse de Jong",
    "Vrijwilligers die het strand en de boulevard schoon houden. We tellen ook wat we vinden, "
    "voor onderzoek naar plastic in zee.")
org("oosthulp", "burenhulp-oost", "Burenhulp Oost", "burenhulp", "Bezuidenhout", "2593",
    "Jan-Willem Bakker",
    "Buren helpen buren in Bezuidenhout: een boodschap, een ritje naar de dokter of een "
    "gordijnroe ophangen.")
org("zilverdraad", "seniorenvereniging-de-zilveren-draad", "Seniorenvereniging De Zilveren Draad",
    "seniorenvereniging", "Mariahoeve en Marlot", "2592", "Olga Petrova",
    "Vereniging voor 55-plussers met bingo, uitstapjes, een computercursus en een telefooncirkel.")
org("zwaluwen", "hockeyclub-de-zwaluwen", "Hockeyclub De Zwaluwen", "sportclub", "Ypenburg", "2497",
    "Nadia Hamdi",
    "Hockeyclub met veel jeugdleden en een G-team voor spelers met een beperking.",
    start="2026-08-15")
org("veldzicht", "buurtmoestuin-veldzicht", "Buurtmoestuin Veldzicht", "moestuin",
    "Wateringse Veld", "2548", "Tjitske Hoogland",
    "Moestuin tussen de nieuwe huizen van Wateringse Veld. Wat we oogsten, delen we met de buurt "
    "en met de voedselhulp.", start="2026-03-01")
org("overstap", "inloophuis-de-overstap", "Inloophuis De Overstap", "inloophuis", "Stationsbuurt",
    "2515", "Hamid Tahiri",
    "Inloophuis voor mensen zonder vaste woonplek of met weinig contact. Je krijgt hier een kop "
    "soep, een douche en een gesprek.")
org("vingerhoed", "naaiatelier-de-vingerhoed", "Naaiatelier De Vingerhoed", "naaiatelier",
    "Schildersbuurt", "2525", "Meryem Doğan",
    "Naaiatelier waar vrouwen uit de buurt samen naaien, verstellen en ontwerpen. Er zijn tien "
    "naaimachines en veel stof.")
org("golfslag", "zwemvereniging-de-golfslag", "Zwemvereniging De Golfslag", "sportclub",
    "Bomen- en Bloemenbuurt", "2565", "Chantal Verkerk",
    "Zwemclub met zwemles voor kinderen en volwassenen, waterpolo en aquarobics.")
org("boomklevers", "scouting-de-boomklevers", "Scouting De Boomklevers", "scouting", "Vruchtenbuurt",
    "2564", "Erik Hendriks",
    "Scoutinggroep voor kinderen van 5 tot 17 jaar. Elke zaterdag spelen we buiten, bouwen hutten "
    "en gaan we op kamp.", start="2026-08-29")
org("hetveen", "taalmaatjes-het-veen", "Taalmaatjes Het Veen", "taalmaatjes", "Leidschenveen",
    "2492", "Priya Sharma",
    "We koppelen nieuwe Nederlanders aan een taalmaatje uit de buurt. Samen oefen je een jaar lang "
    "Nederlands, thuis, in de bibliotheek of online.")
org("warmejas", "kledingbank-de-warme-jas", "Kledingbank De Warme Jas", "kledingbank", "Binckhorst",
    "2516", "Naomi Groenewegen",
    "Kledingbank in een oude loods. Gezinnen met weinig geld halen hier gratis kleding, schoenen "
    "en beddengoed.")
org("duinhoeve", "zorgboerderij-de-duinhoeve", "Zorgboerderij De Duinhoeve", "zorgboerderij",
    "Kijkduin en Ockenburgh", "2554", "Kees Vermeulen",
    "Boerderij waar mensen met een beperking of een afstand tot werk samen werken met dieren, in de "
    "tuin en in de boerderijwinkel.")
org("stoep", "buurtkamer-de-stoep", "Buurtkamer De Stoep", "buurtkamer", "Rustenburg en Oostbroek",
    "2573", "Baran Aydın",
    "Buurtkamer op de hoek van een flat. Elke ochtend koffie, op woensdag een kinderclub en op "
    "vrijdag een gezamenlijke lunch.")
org("muisklik", "computerhulp-de-muisklik", "Computerhulp De Muisklik", "computerhulp", "Hoornwijk",
    "2495", "Farid Chaouch",
    "Computerhulp voor bewoners: inloopspreekuur, hulp aan huis en korte cursussen over de "
    "telefoon, DigiD en veilig internetten.")

# --------------------------------------------------------------------------
# TASKS: Bouwlust en Vrederust
# --------------------------------------------------------------------------
task("zichten", "spelletjesmiddag", "Spelletjesmiddag begeleiden op woensdag",
     "Elke woensdagmiddag spelen buren bij ons rummikub, sjoelen en domino. Jij zet de spellen "
     "klaar, legt de regels uit en zorgt dat nieuwe mensen mee kunnen doen. Een vaste vrijwilliger "
     "is je buddy in de eerste weken.",
     ["buurt", "ouderen"], ["gastvrijheid", "luisteren"], ["organiseren"],
     slots=["wed-afternoon"], hps=2.5, lang="A2", onb=FIRST,
     suit=["first_step", "wheelchair", "low_dutch"], offers=["social", "protective"])
task("zichten", "ontbijt-zaterdag", "Samen ontbijten op zaterdag: broodjes smeren en tafel dekken",
     "Om de week houden we een buurtontbijt voor 25 mensen. Jij dekt de tafels, smeert broodjes en "
     "zet thee. Kinderen mogen meehelpen. Je ontbijt natuurlijk zelf ook mee.",
     ["buurt", "eten-koken"], ["gastvrijheid", "koken"], [],
     slots=["sat-morning"], freq="biweekly", hps=3, lang="A2", load="medium",
     suit=["with_children", "low_dutch"], allow="none")
task("zichten", "brievenspreekuur", "Brievenspreekuur: buren helpen met post en formulieren",
     "Op dinsdagochtend komen buren met brieven die ze niet goed begrijpen. Jij leest mee, legt uit "
     "wat er staat en helpt met een antwoord of een belafspraak. Je krijgt eerst een korte training "
     "van Papierwerk Samen.",
     ["geld-armoede", "taal-leren"], ["geldzaken", "nederlandse-taal"], ["luisteren"],
     slots=["tue-morning"], hps=2, lang="B2", onb="it", months=6,
     offers=["values", "understanding"])
task("zichten", "versieren-feestdagen", "Buurtkamer versieren voor Suikerfeest, Divali en Kerst",
     "Een paar keer per jaar maken we de buurtkamer feestelijk. Jij bedenkt samen met anderen de "
     "versiering en hangt die op. Je kunt meedoen wanneer het jou uitkomt.",
     ["cultuur-creatief", "evenementen"], ["creatief"], ["evenementen-organiseren"],
     freq="occasional", hpw=0.25, hps=3, flexible=True, lang="A2", allow="none",
     suit=["with_children", "no_dutch_needed"])
task("zichten", "knutselmiddag-voorjaarsvakantie", "Knutselmiddag in de voorjaarsvakantie",
     "Op woensdag 24 februari 2027 knutselen we met 20 kinderen uit de buurt. Jij helpt aan een "
     "tafel met plakken, knippen en verven. Eén middag, daarna zit je nergens aan vast.",
     ["jeugd", "cultuur-creatief"], ["kinderen-begeleiden", "creatief"], [],
     slots=["wed-afternoon"], freq="once", hps=3, start="2027-02-24", end="2027-02-24",
     lang="A2", load="low", suit=["first_step", "with_children", "school_internship"], onb=FIRST,
     allow="none", offers=["social", "enhancement"])

# Wijkbedrijf Handenwerk (werkervaring, certificaten)
rid = role("handenwerk", "groenploeg", "Ploeg groenonderhoud",
           "De groenploeg houdt de binnentuinen en plantsoenen van Bouwlust netjes. Het werk is "
           "opgeknipt in delen: je kunt één deel doen of een paar delen samen.")
task("handenwerk", "maaien-snoeien", "Maaien en snoeien in de binnentuinen",
     "Op maandagochtend maai je met de ploeg het gras en snoei je struiken in de binnentuinen. Je "
     "werkt buiten met machines, je krijgt uitleg en veiligheidskleding. Na drie maanden krijg je "
     "een certificaat van het wijkbedrijf.",
     ["natuur-groen", "klussen-techniek"], ["tuinieren"], ["tuinieren"],
     slots=["mon-morning"], hps=4, load="high", lang="A2", onb="ibtp", months=3,
     allow="va", eur=2.50, cert=True, work=["medewerker groenvoorziening"], role=rid, ess=True,
     offers=["career", "protective"])
task("handenwerk", "werkplanning-groen", "Werkplanning van de groenploeg maken",
     "Elke maandag om acht uur maak jij met de voorman de planning voor de week. Je kijkt welke tuin "
     "aan de beurt is en wie wat doet. Je leert plannen en een ploeg aansturen.",
     ["organisatie-administratie", "natuur-groen"], ["organiseren"], ["leidinggeven", "excel"],
     slots=["mon-morning"], hps=1, lang="B2", onb="ib", months=6, allow="va", eur=2.50,
     cert=True, work=["administratief medewerker"], role=rid,
     suit=["wheelchair"])
task("handenwerk", "bladruimen", "Bladeren ruimen en paden vegen",
     "Op donderdagochtend veeg je de paden en ruim je bladeren op. Het is lichamelijk werk, maar je "
     "bepaalt zelf je tempo. Je werkt altijd met minstens één collega.",
     ["natuur-groen", "buurt"], ["schoonmaken"], [],
     slots=["thu-morning"], hps=2, load="medium", lang="A2", onb=FIRST, role=rid,
     suit=["first_step", "low_dutch"], allow="va", eur=2.00)
task("handenwerk", "gereedschap-groen", "Gereedschap van de groenploeg onderhouden",
     "Om de week maak je op vrijdagmiddag de maaiers, heggenscharen en schoppen schoon. Je slijpt "
     "messen en meldt wat kapot is. Rustig werk in de werkplaats.",
     ["klussen-techniek"], ["klussen"], ["klussen"],
     slots=["fri-afternoon"], freq="biweekly", hps=1.5, load="medium", lang="A2", role=rid,
     allow="va", eur=2.00)
task("handenwerk", "groenafval-rijden", "Groenafval wegbrengen met de bakwagen",
     "Om de week rijd je op woensdagmiddag met de bakwagen het groenafval naar de milieustraat. Je "
     "hebt rijbewijs B nodig. Je krijgt eerst een rijtraining met een aanhanger.",
     ["vervoer", "natuur-groen"], ["autorijden"], [],
     slots=["wed-afternoon"], freq="biweekly", hps=2, load="medium", lang="A2", onb="it",
     allow="va", eur=2.50, cert=True, work=["chauffeur"], req=["rijvaardigheid"], role=rid,
     months=3)

task("handenwerk", "coach-jonge-technici", "Jonge technici coachen in de werkplaats",
     "Bij ons leren jongeren van 17 tot 23 jaar klussen en bouwen. Jij helpt hen met tekeningen "
     "lezen, maten nemen en netjes werken. Heb je jarenlang in de bouw of techniek gewerkt? Dan is "
     "jouw kennis hier goud waard.",
     ["klussen-techniek", "jeugd"], ["technisch-tekenen", "lesgeven", "klussen"], ["leidinggeven"],
     slots=["tue-morning"], hps=3, load="low", lang="B1", onb="i", months=6, allow="expenses",
     offers=["values", "enhancement", "social"])
task("handenwerk", "kantine-broodjes", "Kantine: broodjes en koffie voor de ploegen",
     "Op woensdag- en vrijdagochtend maak je in de kantine broodjes en koffie voor 20 collega's. Je "
     "werkt volgens de hygiëneregels en krijgt daarvoor een HACCP-training. Na een half jaar heb je "
     "een certificaat en werkervaring voor de horeca.",
     ["eten-koken"], ["koken", "gastvrijheid"], ["gastvrijheid"],
     slots=["wed-morning", "fri-morning"], hps=3.5, load="medium", lang="A2", onb="ibtp",
     months=6, allow="va", eur=2.00, cert=True, work=["medewerker horeca"], req=["haccp"],
     suit=["first_step", "low_dutch"], offers=["career", "social"])
task("handenwerk", "trappenhuizen", "Schoonmaken van trappenhuizen in portiekflats",
     "Met een ploeg van vier maak je op dinsdag- en donderdagmiddag trappenhuizen schoon. Je krijgt "
     "werkkleding en uitleg over schoonmaakmiddelen. Goede start als je weer aan het werk wilt.",
     ["buurt", "klussen-techniek"], ["schoonmaken"], [],
     slots=["tue-afternoon", "thu-afternoon"], hps=3, load="high", lang="A2", onb="ibp",
     months=3, allow="va", eur=2.50, cert=True, work=["schoonmaker"],
     suit=["no_dutch_needed"])
task("handenwerk", "uren-facturen", "Uren en facturen invoeren voor het wijkbedrijf",
     "Op vrijdagochtend zet je de gewerkte uren en de facturen in de computer. Je werkt met Excel en "
     "een boekhoudprogramma. Je krijgt uitleg en een referentie voor je cv.",
     ["organisatie-administratie"], ["administratie", "excel", "computer"], ["excel"],
     slots=["fri-morning"], hps=3, lang="B1", onb="ibt", months=6, allow="va", eur=2.00,
     cert=True, work=["administratief medewerker"], suit=["wheelchair"],
     offers=["career", "understanding"])
task("handenwerk", "verhuishulp-ouderen", "Verhuishulp voor ouderen: dozen pakken en sjouwen",
     "Als een oudere bewoner naar een kleinere woning gaat, helpen wij met de verhuizing. Je pakt "
     "dozen in, tilt meubels en zet alles weer neer. We bellen je een week van tevoren.",
     ["ouderen", "vervoer"], ["magazijn"], [],
     freq="occasional", hpw=0.5, hps=5, on_call=True, load="high", lang="A2", allow="expenses",
     suit=["no_dutch_needed"])

# Kookcafé De Gaarde
rid = role("gaarde", "keukenteam", "Keukenteam kookcafé",
           "Het kookcafé draait op een keukenteam. De kok is de spil, maar er is ook werk voor "
           "wie liever snijdt, afwast, inkoopt of de gasten bedient.")
task("gaarde", "kok-dinsdag", "Kok op dinsdagavond in het kookcafé",
     "Jij kookt op dinsdag een driegangenmenu voor 40 buren. Je werkt met twee hulpen en een vast "
     "budget. Je volgt eerst de HACCP-training. Dit telt als werkervaring als kok.",
     ["eten-koken"], ["koken", "leidinggeven"], ["organiseren"],
     slots=["tue-evening"], hps=4, load="medium", lang="B1", onb="ibt", months=3, allow="va",
     eur=3.00, cert=True, work=["kok"], req=["haccp"], role=rid, ess=True,
     offers=["career", "enhancement"])
task("gaarde", "groente-snijden", "Groente snijden en de maaltijd voorbereiden",
     "Op dinsdagmiddag snijd je groente, was je rijst en zet je alles klaar voor de kok. Je hoeft "
     "niet goed Nederlands te spreken: we laten zien hoe het moet. Een vaste vrijwilliger helpt je "
     "de eerste keren.",
     ["eten-koken"], ["koken"], ["koken", "nederlandse-taal"],
     slots=["tue-afternoon"], hps=2, load="low", lang="A2", onb=FIRST, role=rid,
     suit=["first_step", "low_dutch", "no_dutch_needed"], allow="va", eur=2.00)
task("gaarde", "inkoop", "Boodschappen doen voor het kookcafé",
     "Op maandagmiddag haal je met de bakfiets de boodschappen bij de groothandel en de markt. Je "
     "let op het budget en bewaart de bonnen. Je werkt samen met de kok van die week.",
     ["eten-koken", "vervoer"], ["organiseren"], ["geldzaken"],
     slots=["mon-afternoon"], hps=1.5, load="medium", lang="B1", role=rid, allow="expenses")
task("gaarde", "bediening", "Bediening tijdens het diner",
     "Jij ontvangt de gasten, brengt de borden rond en schenkt drinken in. Je bent het gezicht van "
     "het kookcafé. Na een half jaar krijg je een praktijkverklaring gastvrijheid.",
     ["eten-koken", "buurt"], ["gastvrijheid"], ["gastvrijheid"],
     slots=["tue-evening"], hps=3, load="medium", lang="B1", onb="ibtp", role=rid, ess=True,
     months=6, cert=True, work=["medewerker horeca", "gastheer/gastvrouw"], allow="va", eur=2.00,
     offers=["social", "career"])
task("gaarde", "afwas", "Afwassen en de keuken schoonmaken",
     "Na het diner doe je met z'n tweeën de afwas en maak je de keuken schoon. Duidelijk werk, "
     "ook als je weinig Nederlands spreekt. Je eet gratis mee.",
     ["eten-koken"], ["schoonmaken"], [],
     slots=["tue-evening"], hps=2, load="medium", lang="A2", role=rid,
     suit=["no_dutch_needed", "low_dutch"], allow="va", eur=2.00)
task("gaarde", "weekmenu-schrijven", "Het weekmenu schrijven en delen",
     "Elke week schrijf je het menu van het kookcafé in eenvoudige taal. Je zet het op Facebook en "
     "in de buurt-app. Dat kan vanuit huis, wanneer het jou past.",
     ["eten-koken", "digitaal"], ["communicatie", "computer"], [],
     flexible=True, hpw=0.5, hps=0.5, lang="B2", remote=True, role=rid, allow="none",
     suit=["wheelchair"])
task("gaarde", "kassa", "Kassa en betalingen in het kookcafé",
     "Jij rekent af met de gasten, met pin of contant. Aan het eind van de avond tel je de kas. "
     "Je werkt precies en vindt het leuk om mensen te zien.",
     ["eten-koken", "organisatie-administratie"], ["verkoop", "administratie"], [],
     slots=["tue-evening"], hps=2.5, lang="B1", role=rid, allow="va", eur=2.00,
     work=["medewerker horeca"], suit=["wheelchair"])

task("gaarde", "kookles-jongeren", "Kookles geven aan jongeren van 12 tot 16",
     "Om de week geef je op woensdagmiddag kookles aan zes jongeren. Samen maak je een simpel en "
     "gezond gerecht. Je hebt een VOG nodig; die vragen wij gratis voor je aan.",
     ["eten-koken", "jeugd"], ["koken", "lesgeven", "kinderen-begeleiden"], ["lesgeven"],
     slots=["wed-afternoon"], freq="biweekly", hps=2.5, load="medium", lang="B1", onb="i",
     months=4, req=["vog", "haccp"], offers=["values", "enhancement"])
task("gaarde", "kerstdiner-2026", "Kerstdiner voor 80 buren koken",
     "Op zaterdag 19 december 2026 kookt een grote ploeg een kerstdiner voor buren die anders alleen "
     "zijn. Je kookt, dekt de tafel of schenkt in. Eén middag en avond, geen verplichtingen daarna.",
     ["eten-koken", "evenementen", "ouderen"], ["koken", "gastvrijheid"], [],
     slots=["sat-afternoon"], freq="once", hps=6, start="2026-12-19", end="2026-12-19",
     load="medium", lang="A2", allow="none", suit=["first_step", "low_dutch"], onb=FIRST,
     offers=["social", "values"])
task("gaarde", "soep-donderdag", "Soep koken voor de inloop op donderdag",
     "Op donderdagochtend kook je een grote pan soep voor de inloop van de buurtkamer. Je kiest zelf "
     "het recept, wij betalen de boodschappen. Je kookt samen met Naima of een andere vrijwilliger.",
     ["eten-koken", "buurt"], ["koken"], [],
     slots=["thu-morning"], hps=3, load="medium", lang="A2", req=["haccp"], onb="it",
     offers=["social", "values"])

# Repair Café De Schroevendraaier (2e en 4e zaterdag)
rid = role("schroef", "reparatieteam", "Reparatieteam Repair Café",
           "Een Repair Café-middag heeft veel losse taken: repareren, ontvangen, koffie, opbouwen en "
           "advies geven. Kies wat bij jou past.")
task("schroef", "elektra-repareren", "Elektrische apparaten repareren",
     "Op de tweede en vierde zaterdag repareer je samen met de eigenaar lampen, stofzuigers en "
     "koffiezetapparaten. Je legt uit wat je doet, zodat mensen het zelf leren. Gereedschap is er.",
     ["klussen-techniek"], ["klussen"], ["lesgeven"],
     slots=["sat-afternoon"], freq="biweekly", hps=3.5, lang="B1", role=rid, ess=True,
     allow="expenses", offers=["understanding", "values", "social"])
task("schroef", "textiel", "Kleding en textiel herstellen",
     "Jij zet knopen aan, maakt zomen korter en plakt gaten in broeken. Er staan twee naaimachines. "
     "Je werkt op de tweede en vierde zaterdag.",
     ["cultuur-creatief", "klussen-techniek"], ["creatief"], [],
     slots=["sat-afternoon"], freq="biweekly", hps=3, lang="A2", role=rid,
     suit=["low_dutch", "wheelchair"], allow="expenses")
task("schroef", "ontvangst", "Bezoekers ontvangen en registreren",
     "Jij ontvangt de bezoekers, schrijft op wat er kapot is en stuurt hen naar de goede tafel. Je "
     "bent de eerste die mensen zien. Je begint met een proefmiddag samen met een buddy.",
     ["klussen-techniek", "buurt"], ["gastvrijheid", "administratie"], ["organiseren"],
     slots=["sat-afternoon"], freq="biweekly", hps=3.5, lang="B1", onb=FIRST, role=rid, ess=True,
     suit=["first_step", "wheelchair"], allow="expenses")
task("schroef", "koffie", "Koffie, thee en een praatje tijdens het wachten",
     "Wachten duurt soms even. Jij schenkt koffie en maakt een praatje met de bezoekers. Simpel en "
     "gezellig.",
     ["buurt"], ["gastvrijheid", "luisteren"], [],
     slots=["sat-afternoon"], freq="biweekly", hps=2, lang="A2", role=rid,
     suit=["first_step", "low_dutch"], onb=FIRST, allow="none")
task("schroef", "opbouw-afbouw", "Opbouwen en afbouwen van de werkplaats",
     "Voor en na de middag zet je tafels neer, sjouw je kisten met gereedschap en veeg je de vloer. "
     "Een uur per keer, om de week.",
     ["klussen-techniek"], ["magazijn", "schoonmaken"], [],
     slots=["sat-afternoon"], freq="biweekly", hps=1, load="high", lang="A2", role=rid,
     suit=["no_dutch_needed", "school_internship"], allow="none")
task("schroef", "fietsen", "Fietsen repareren tijdens het Repair Café",
     "Jij helpt bezoekers met een lekke band, remmen of verlichting. Je laat zien hoe ze het zelf "
     "kunnen doen.",
     ["klussen-techniek", "vervoer"], ["fietsen-repareren"], [],
     slots=["sat-afternoon"], freq="biweekly", hps=3, load="medium", lang="A2", role=rid,
     allow="expenses")
task("schroef", "bouwkundig-advies", "Bouwkundig advies geven bij het Repair Café",
     "Eens per maand zit jij aan de adviestafel. Bewoners komen met vragen over vocht, scheuren, "
     "een wankele schuur of een verbouwing. Jij kijkt naar foto's en tekeningen en geeft een "
     "eerlijk advies. Voor gepensioneerde bouwkundigen en tekenaars.",
     ["klussen-techniek", "buurt"], ["technisch-tekenen", "klussen"], [],
     slots=["sat-afternoon"], freq="monthly", hps=3, lang="B2", role=rid, allow="expenses",
     suit=["wheelchair"], offers=["values", "understanding", "enhancement"])
task("schroef", "onderdelen-bestellen", "Onderdelen bestellen en de voorraad bijhouden",
     "Jij houdt in een lijst bij welke onderdelen op zijn, zoals zekeringen en fietsbanden. Eens "
     "per maand bestel je online. Dat doe je vanuit huis.",
     ["organisatie-administratie", "klussen-techniek"], ["administratie", "computer"], ["excel"],
     freq="monthly", flexible=True, hpw=0.5, hps=2, lang="B1", remote=True, role=rid,
     allow="expenses")
task("schroef", "reparatieles-tieners", "Reparatieles voor tieners: zelf je koptelefoon maken",
     "Op zaterdag 17 april 2027 geven we een workshop voor jongeren van 12 tot 16. Jij helpt aan een "
     "tafel met solderen en schroeven. Eén middag, gereedschap en uitleg zijn er.",
     ["jeugd", "klussen-techniek"], ["klussen", "lesgeven"], [],
     slots=["sat-afternoon"], freq="once", hps=4, start="2027-04-17", end="2027-04-17",
     lang="B1", req=["vog"], allow="none")

# VV Oranje Dreven
rid = role("oranjedreven", "wedstrijddag", "Wedstrijddag voetbalclub",
           "Op zaterdag spelen er twintig wedstrijden op ons complex. Het werk is verdeeld in losse "
           "taken, zodat niemand de hele dag vastzit.")
task("oranjedreven", "scheidsrechter-jeugd", "Scheidsrechter bij jeugdwedstrijden",
     "Op zaterdagochtend fluit je een wedstrijd van de jongste jeugd. Je krijgt een korte cursus van "
     "de club. Je hoeft geen voetbalkenner te zijn, wel rustig en eerlijk.",
     ["sport-bewegen", "jeugd"], ["sport-begeleiden"], ["communicatie"],
     slots=["sat-morning"], hps=1.5, load="medium", lang="B1", onb="it", role=rid, ess=True,
     req=["vog"], allow="none", suit=["school_internship"])
task("oranjedreven", "bardienst", "Bardienst in de kantine",
     "Om de week sta je op zaterdagmiddag achter de bar. Je tapt bier en frisdrank en verkoopt "
     "tosti's. Daarvoor heb je het certificaat Sociale Hygiëne nodig, dat betaalt de club.",
     ["sport-bewegen", "eten-koken"], ["gastvrijheid", "verkoop"], [],
     slots=["sat-afternoon"], freq="biweekly", hps=4, load="medium", lang="B1", onb="it",
     months=6, role=rid, ess=True, req=["sociale-hygiene"], cert=True,
     work=["medewerker horeca"], allow="va", eur=2.50, offers=["social", "career"])
task("oranjedreven", "wedstrijdsecretariaat", "Wedstrijdsecretariaat op zaterdagochtend",
     "Jij ontvangt de bezoekende teams en scheidsrechters, deelt kleedkamers in en vult het digitale "
     "wedstrijdformulier in. Je bent het aanspreekpunt van de ochtend.",
     ["sport-bewegen", "organisatie-administratie"], ["organiseren", "administratie", "computer"],
     [], slots=["sat-morning"], hps=3, lang="B1", role=rid, ess=True, months=3,
     allow="expenses", suit=["wheelchair"])
task("oranjedreven", "velden-klaarzetten", "Velden en doeltjes klaarzetten",
     "Om half acht zet je de doeltjes neer, leg je de hoekvlaggen en controleer je de netten. Een uur "
     "flink aanpakken, daarna koffie.",
     ["sport-bewegen"], ["magazijn"], [],
     slots=["sat-morning"], hps=1, load="high", lang="A2", role=rid,
     suit=["school_internship", "no_dutch_needed"], allow="none")
task("oranjedreven", "ehbo-langs-de-lijn", "EHBO langs de lijn",
     "Om de week ben je op zaterdagochtend de EHBO'er van het complex. Je helpt bij blessures en "
     "houdt de EHBO-koffer op orde. Je hebt een geldig EHBO-diploma nodig.",
     ["sport-bewegen", "zorg-welzijn"], ["eerste-hulp"], [],
     slots=["sat-morning"], freq="biweekly", hps=3, load="low", lang="B1", role=rid,
     req=["ehbo"], allow="expenses")
task("oranjedreven", "tenues-wassen", "Shirts en tenues wassen",
     "Na de wedstrijden neem je een tas met shirts mee en was je ze thuis. Wanneer je wast, bepaal je "
     "zelf. Wasmiddel en stroom vergoeden we.",
     ["sport-bewegen"], ["schoonmaken"], [],
     flexible=True, hpw=1, hps=1, lang="A2", role=rid, allow="expenses",
     suit=["with_children", "no_dutch_needed"])
task("oranjedreven", "trainer-o9", "Trainer van de onder 9 op woensdag",
     "Op woensdagmiddag train je een team van tien kinderen van 7 en 8 jaar. Oefeningen krijg je van "
     "de jeugdcoördinator. Je hebt een VOG nodig.",
     ["sport-bewegen", "jeugd"], ["sport-begeleiden", "kinderen-begeleiden"], ["lesgeven"],
     slots=["wed-afternoon"], hps=1.5, load="medium", lang="B1", onb="ibt", months=9,
     req=["vog"], allow="none", offers=["values", "social"])
task("oranjedreven", "ledenadministratie", "Ledenadministratie bijhouden in Excel",
     "Jij houdt bij wie lid wordt en wie opzegt, en stuurt herinneringen voor de contributie. Dat doe "
     "je thuis op je eigen laptop, ongeveer anderhalf uur per week.",
     ["organisatie-administratie", "digitaal"], ["excel", "administratie"], [],
     flexible=True, hpw=1.5, hps=1.5, lang="B1", remote=True, months=12, allow="none",
     work=["administratief medewerker"], suit=["wheelchair"])

# Woonzorgcentrum De Vlierboom
rid = role("vlierboom", "huiskamer", "Vrijwilliger huiskamer dementie",
           "In de huiskamers wonen mensen met dementie. Een vrijwilliger brengt rust en "
           "gezelligheid. Die rol is opgedeeld in losse dagdelen en activiteiten.")
task("vlierboom", "wandelen-dementie", "Wandelen met bewoners met dementie",
     "Op maandagmiddag maak je een wandeling met een of twee bewoners, door de tuin of naar het park. "
     "Je krijgt eerst een training 'omgaan met dementie' en loopt twee keer mee met een ervaren "
     "vrijwilliger. Je hebt een VOG nodig.",
     ["ouderen", "zorg-welzijn", "sport-bewegen"], ["luisteren"], ["verzorgen"],
     slots=["mon-afternoon"], hps=2, load="medium", lang="B1", onb="ibtp", months=6, role=rid,
     ess=True, req=["vog"], offers=["values", "protective"])
task("vlierboom", "maaltijd-huiskamer", "Helpen bij de warme maaltijd in de huiskamer",
     "Je dekt de tafel, schept op en helpt bewoners die moeite hebben met eten. Je zit gezellig mee "
     "aan tafel. De verzorgende legt uit waar je op moet letten.",
     ["ouderen", "zorg-welzijn", "eten-koken"], ["verzorgen", "gastvrijheid"], [],
     slots=["thu-afternoon"], hps=1.5, load="low", lang="B1", onb="ibt", role=rid, ess=True,
     req=["vog"], months=3)
task("vlierboom", "muziekmiddag", "Muziekmiddag met oude liedjes",
     "Om de week zing je op vrijdagmiddag met bewoners bekende liedjes van vroeger. Speel je gitaar "
     "of accordeon? Neem hem mee. Muziek maakt veel los bij mensen met dementie.",
     ["ouderen", "cultuur-creatief"], ["muziek"], [],
     slots=["fri-afternoon"], freq="biweekly", hps=2, lang="B1", role=rid, allow="expenses",
     offers=["social", "enhancement"])
task("vlierboom", "spelletjes-handwerk", "Spelletjes en handwerk aan tafel",
     "Op dinsdagochtend speel je een spelletje of doe je handwerk met bewoners. Je hoeft niets "
     "bijzonders te kunnen. Geduld en een glimlach zijn genoeg.",
     ["ouderen"], ["luisteren", "creatief"], [],
     slots=["tue-morning"], hps=2.5, lang="A2", onb=FIRST, role=rid,
     suit=["first_step", "wheelchair", "low_dutch"])
task("vlierboom", "familie-zondag", "Familie ontvangen op zondagmiddag",
     "Om de week ben je op zondag gastvrouw of gastheer bij de ingang. Je wijst familie de weg, "
     "schenkt koffie en maakt een praatje met bezoekers.",
     ["ouderen", "buurt"], ["gastvrijheid"], [],
     slots=["sun-afternoon"], freq="biweekly", hps=3, lang="B1", role=rid, allow="expenses",
     work=["gastheer/gastvrouw"])
task("vlierboom", "levensboek", "Een levensboek maken met een bewoner",
     "Je zoekt samen met een bewoner en de familie foto's en verhalen uit. Daar maak je een boek van. "
     "Het helpt verzorgenden om de bewoner beter te kennen. Je komt een keer per week, een paar "
     "maanden lang.",
     ["ouderen", "cultuur-creatief"], ["luisteren", "communicatie", "fotografie"], [],
     slots=["wed-morning", "wed-afternoon"], flexible=True, hpw=1.5, hps=1.5, lang="B2",
     onb="it", months=3, req=["vog"], offers=["values", "understanding"])
task("vlierboom", "rolstoel-uitjes", "Rolstoel duwen bij uitjes naar het Zuiderpark",
     "Een paar keer per jaar gaan we met bewoners naar de kinderboerderij of een terras. Jij duwt een "
     "rolstoel en maakt een praatje. We vragen je een week van tevoren.",
     ["ouderen", "evenementen"], ["luisteren"], [],
     freq="occasional", hpw=0.25, hps=3, on_call=True, load="medium", lang="A2",
     suit=["first_step"], onb=FIRST)

# Brede School Het Zandpad
task("zandpad", "schoolbieb-eerste-donderdag", "Schoolbibliotheek op de eerste donderdagmiddag van de maand",
     "Eén keer per maand, op de eerste donderdagmiddag, help je in de schoolbibliotheek. Je leent "
     "boeken uit, zet ze terug en leest soms voor. Handig als je zelf kinderen op school hebt.",
     ["jeugd", "taal-leren"], ["voorlezen", "kinderen-begeleiden"], [],
     slots=["thu-afternoon"], freq="monthly", hps=3, lang="B1", onb=FIRST, req=["vog"],
     suit=["first_step", "with_children"], allow="none", offers=["values", "social"])
task("zandpad", "voorlezen-groep3", "Voorlezen in groep 3",
     "Op maandagochtend lees je voor aan een klein groepje kinderen die moeite hebben met lezen. Je "
     "oefent ook samen met ze. Het kost een uur per week.",
     ["jeugd", "taal-leren"], ["voorlezen", "nederlandse-taal"], [],
     slots=["mon-morning"], hps=1, lang="B2", req=["vog"], allow="none", months=6)
task("zandpad", "naschoolse-sport", "Naschoolse sportclub begeleiden",
     "Op woensdagmiddag doe je spelletjes en sport met kinderen van groep 5 tot en met 8. Leuk voor "
     "scholieren die een maatschappelijke stage zoeken. De gymleraar is er ook.",
     ["jeugd", "sport-bewegen"], ["sport-begeleiden", "kinderen-begeleiden"], [],
     slots=["wed-afternoon"], hps=1.5, load="high", lang="B1", req=["vog"], allow="none",
     suit=["school_internship"], offers=["social", "career"])
task("zandpad", "techniekles", "Techniekles voor groep 7 en 8",
     "Om de week laat je kinderen op vrijdagmiddag iets bouwen: een brug van karton, een windmolen of "
     "een lampje. Jij bedenkt de opdracht en legt uit hoe het werkt. Voor mensen die in de techniek "
     "of de bouw hebben gewerkt.",
     ["jeugd", "klussen-techniek"], ["technisch-tekenen", "lesgeven", "klussen"], [],
     slots=["fri-afternoon"], freq="biweekly", hps=2, lang="B1", req=["vog"], months=4,
     allow="expenses", offers=["values", "enhancement"])
task("zandpad", "luizencontrole", "Luizencontrole na de schoolvakanties",
     "Na elke vakantie kijken ouders in alle klassen of er hoofdluis is. Het duurt een ochtend. Je "
     "krijgt een instructie en werkt met een andere ouder.",
     ["jeugd"], ["kinderen-begeleiden"], [],
     freq="occasional", hpw=0.2, hps=3, flexible=True, lang="A2", req=["vog"], allow="none",
     suit=["with_children", "first_step"], onb=FIRST)
task("zandpad", "schoolreisje-2027", "Begeleider bij het schoolreisje naar de dierentuin",
     "Op dinsdag 8 juni 2027 gaat groep 4 naar de dierentuin. Jij let op een groepje van vier "
     "kinderen. Vervoer en lunch zijn geregeld.",
     ["jeugd", "evenementen"], ["kinderen-begeleiden"], [],
     slots=["tue-morning"], freq="once", hps=7, start="2027-06-08", end="2027-06-08",
     load="medium", lang="A2", req=["vog"], allow="none", suit=["with_children"])

# Buurtmoestuin De Akkerwinde
task("akkerwinde", "tekening-tuinschuur", "Technische tekening maken voor de nieuwe tuinschuur",
     "We bouwen dit voorjaar een tuinschuur en een kleine kas. Wij zoeken iemand die de bouwtekening "
     "maakt, de constructie narekent en een materiaallijst opstelt. Je werkt thuis en in de tuin, op "
     "je eigen tijd, en overlegt met de bouwploeg.",
     ["klussen-techniek", "natuur-groen"], ["technisch-tekenen"], [],
     freq="occasional", flexible=True, hpw=1.5, hps=2, lang="B1", end="2027-03-31",
     allow="expenses", offers=["values", "understanding", "enhancement"])
task("akkerwinde", "bouwploeg-schuur", "Bouwploeg tuinschuur: acht zaterdagen timmeren",
     "Van maart tot eind april bouwen we op zaterdagochtend de nieuwe tuinschuur. Je zaagt, timmert "
     "en sjouwt met een ploeg van vijf. Geen ervaring nodig, wel zin om aan te pakken.",
     ["klussen-techniek", "natuur-groen"], ["klussen"], ["klussen", "technisch-tekenen"],
     slots=["sat-morning"], hps=4, load="high", lang="A2", start="2027-03-06", end="2027-04-24",
     allow="none", suit=["first_step"], onb=FIRST, offers=["social", "enhancement"])
task("akkerwinde", "tuinieren-kinderen", "Moestuinieren met kinderen op woensdag",
     "Op woensdagmiddag zaaien, wieden en oogsten kinderen uit de buurt in hun eigen bakken. Jij "
     "helpt en vertelt over de planten. Je eigen kinderen mogen meedoen.",
     ["natuur-groen", "jeugd"], ["tuinieren", "kinderen-begeleiden"], [],
     slots=["wed-afternoon"], hps=2, load="medium", lang="A2", req=["vog"],
     suit=["with_children"], start="2027-03-03", end="2027-10-27", allow="none")
task("akkerwinde", "water-geven", "Water geven bij hitte",
     "Als het heet en droog is, sturen we een appje. Wie kan, geeft 's avonds een uurtje water. Je "
     "zit nergens aan vast.",
     ["natuur-groen"], ["tuinieren"], [],
     freq="occasional", hpw=0.25, hps=1, on_call=True, lang="A2", allow="none",
     suit=["with_children", "no_dutch_needed", "first_step"], onb=FIRST)
task("akkerwinde", "oogst-wegbrengen", "Oogst wegbrengen naar de voedselhulp",
     "In de zomer breng je op vrijdagochtend de oogst met de bakfiets naar het uitdeelpunt in "
     "Moerwijk. Het is een fietstocht van twintig minuten.",
     ["vervoer", "natuur-groen", "geld-armoede"], ["magazijn"], [],
     slots=["fri-morning"], hps=1, load="medium", lang="A2", start="2027-06-04", end="2027-10-29",
     allow="expenses", offers=["values", "protective"])

# --------------------------------------------------------------------------
# TASKS: Moerwijk
# --------------------------------------------------------------------------
rid = role("kroon", "gastvrouw", "Gastvrouw/-heer buurtkamer",
           "De gastvrouw of gastheer zorgt dat de buurtkamer open is en dat iedereen zich welkom "
           "voelt. Je kunt de hele rol doen, of één of twee onderdelen.")
task("kroon", "openen", "De buurtkamer openen en klaarzetten",
     "Op maandag- en woensdagochtend open je om negen uur de deur. Je zet de verwarming aan, de "
     "koffie klaar en de stoelen neer. Een half uurtje per keer.",
     ["buurt"], ["gastvrijheid", "organiseren"], [],
     slots=["mon-morning", "wed-morning"], hps=0.5, lang="A2", role=rid, ess=True,
     months=3, allow="none", suit=["wheelchair"])
task("kroon", "koffie-donderdag", "Koffie schenken op donderdagmiddag",
     "Op donderdagmiddag schenk je koffie en thee voor de buren die binnenlopen. Je maakt een praatje "
     "en let op nieuwe gezichten. Fatima of een andere vrijwilliger werkt je in.",
     ["buurt"], ["gastvrijheid"], ["communicatie"],
     slots=["thu-afternoon"], hps=3, lang="A2", onb=FIRST, role=rid, ess=True,
     suit=["first_step"], offers=["social", "values"])
task("kroon", "agenda-prikbord", "Agenda en prikbord bijhouden",
     "Jij houdt bij welke activiteiten er zijn en hangt de weekagenda op het prikbord en voor het "
     "raam. Je zet de agenda ook in de buurt-app.",
     ["buurt", "organisatie-administratie"], ["organiseren", "communicatie"], ["computer"],
     slots=["fri-morning"], hps=1, lang="B1", role=rid, suit=["wheelchair"], allow="none")
task("kroon", "inkopen", "Boodschappen en voorraad voor de buurtkamer",
     "Om de week kijk je wat op is: koffie, melk, koekjes, schoonmaakmiddel. Je doet de "
     "boodschappen en levert de bon in. We betalen alles terug.",
     ["buurt", "vervoer"], ["organiseren"], [],
     slots=["mon-afternoon"], freq="biweekly", hps=1.5, load="medium", lang="A2", role=rid)
task("kroon", "opruimen", "Opruimen en afwassen na de inloop",
     "Na de inloop op donderdag ruim je op, doe je de afwas en veeg je de vloer. Een uur, samen met "
     "een andere vrijwilliger.",
     ["buurt"], ["schoonmaken"], [],
     slots=["thu-afternoon"], hps=1, load="medium", lang="A2", role=rid, allow="none",
     suit=["no_dutch_needed", "school_internship"])
task("kroon", "buren-bellen", "Buren bellen die een tijd niet zijn geweest",
     "Sommige vaste bezoekers komen ineens niet meer. Jij belt ze op, vraagt hoe het gaat en nodigt "
     "ze uit. Bellen doe je vanuit huis, op een moment dat jou past.",
     ["buurt", "ouderen"], ["luisteren"], [],
     flexible=True, hpw=0.5, hps=1, lang="B1", remote=True, role=rid, allow="none",
     suit=["wheelchair"])
task("kroon", "website-facebook", "Website en Facebook van de buurtkamer bijhouden",
     "Jij zet activiteiten en foto's op de website en Facebook. Je schrijft korte, duidelijke "
     "berichten. Werk vanuit huis, ongeveer een uur per week.",
     ["digitaal", "buurt"], ["computer", "communicatie", "fotografie"], [],
     flexible=True, hpw=1, hps=1, lang="B2", remote=True, months=6, allow="none",
     offers=["career", "understanding"])
task("kroon", "koningsdag-2027", "Koningsdag in Moerwijk: kleedjesmarkt en spelletjes",
     "Op dinsdag 27 april 2027 houden we een kleedjesmarkt en spelletjes voor kinderen op het plein. "
     "Jij helpt met opbouwen, de spelletjes of de limonade. Eén dag, of alleen de ochtend.",
     ["evenementen", "buurt", "jeugd"], ["evenementen-organiseren", "kinderen-begeleiden"], [],
     slots=["tue-morning"], freq="once", hps=5, start="2027-04-27", end="2027-04-27",
     load="medium", lang="A2", allow="none", suit=["with_children", "first_step", "school_internship"],
     onb=FIRST, offers=["social", "enhancement"])
task("kroon", "rondje-moerwijk", "Wandelgroep 'Rondje Moerwijk' begeleiden",
     "Elke vrijdagochtend wandelen we een uur door de wijk, in een rustig tempo. Jij loopt voorop, "
     "kent de route en zorgt dat niemand achterblijft. Daarna drinken we koffie in De Kroon.",
     ["sport-bewegen", "ouderen", "buurt"], ["sport-begeleiden"], ["eerste-hulp"],
     slots=["fri-morning"], hps=1.5, load="medium", lang="A2", allow="none",
     offers=["social", "protective"])

# Voedselhulp Zuidwest
rid = role("voedselhulp", "uitdeeldag", "Uitdeeldag voedselhulp",
           "Op woensdag delen we pakketten uit. De dag bestaat uit losse blokken: klaarzetten, "
           "rijden, ontvangen, uitgeven, koffie en opruimen.")
task("voedselhulp", "pakketten-klaarzetten", "Pakketten klaarzetten op woensdagochtend",
     "Je zet met een ploeg de kratten klaar voor 160 huishoudens. Je telt, sorteert en tilt. Na zes "
     "maanden krijg je een verklaring als magazijnmedewerker.",
     ["geld-armoede", "eten-koken"], ["magazijn"], [],
     slots=["wed-morning"], hps=3, load="high", lang="A2", role=rid, ess=True, months=3,
     cert=True, work=["magazijnmedewerker"], suit=["no_dutch_needed"], allow="expenses",
     offers=["values", "career"])
task("voedselhulp", "ontvangst-klanten", "Klanten ontvangen en pasjes controleren",
     "Jij ontvangt de klanten bij de deur, controleert hun pasje en houdt de lijst bij. Je bent "
     "vriendelijk en discreet. Alles wat je hoort, blijft binnen.",
     ["geld-armoede", "buurt"], ["gastvrijheid", "administratie"], [],
     slots=["wed-afternoon"], hps=3, lang="B1", onb="ibt", role=rid, ess=True, months=3,
     req=["agressie"], allow="expenses")
task("voedselhulp", "uitgifte", "Pakketten uitgeven aan klanten",
     "Je geeft de kratten mee en helpt mensen met tillen tot de deur. Je maakt een praatje en kijkt "
     "of iemand extra hulp nodig heeft.",
     ["geld-armoede", "eten-koken"], ["magazijn", "luisteren"], [],
     slots=["wed-afternoon"], hps=2.5, load="medium", lang="A2", role=rid,
     suit=["low_dutch"], allow="expenses")
task("voedselhulp", "koffiehoek", "Koffiehoek voor wachtende klanten",
     "Wachten is voor veel klanten spannend. Jij schenkt koffie en thee en zorgt voor een rustige, "
     "vriendelijke sfeer. Goede eerste stap: je werkt altijd met iemand die het al kent.",
     ["geld-armoede", "buurt"], ["gastvrijheid", "luisteren"], [],
     slots=["wed-afternoon"], hps=2, lang="A2", onb=FIRST, role=rid,
     suit=["first_step", "wheelchair", "low_dutch"], allow="expenses")
task("voedselhulp", "rit-magazijn", "Rit van het magazijn naar het uitdeelpunt",
     "Op woensdagochtend rijd je met het busje de voorraad van het magazijn in de Binckhorst naar "
     "Moerwijk. Je hebt rijbewijs B en volgt eerst onze rijtraining.",
     ["vervoer", "geld-armoede"], ["autorijden"], [],
     slots=["wed-morning"], hps=1.5, load="medium", lang="A2", onb="it", role=rid,
     req=["rijvaardigheid"], work=["chauffeur"], allow="expenses")
task("voedselhulp", "opruimen", "Opruimen en kratten terugbrengen",
     "Aan het einde van de middag stapel je de lege kratten, veeg je de vloer en zet je alles klaar "
     "voor vrijdag. Een uur flink doorwerken.",
     ["geld-armoede"], ["schoonmaken", "magazijn"], [],
     slots=["wed-afternoon"], hps=1, load="high", lang="A2", role=rid,
     suit=["school_internship", "no_dutch_needed"], allow="none")

task("voedselhulp", "magazijn-vrijdag", "Magazijnmedewerker: voorraad sorteren op vrijdag",
     "Op vrijdagochtend sorteer je gedoneerde producten, controleer je de houdbaarheid en zet je de "
     "voorraad in de stellingen. Je leert werken met een handscanner en een pompwagen.",
     ["geld-armoede", "eten-koken"], ["magazijn"], ["computer"],
     slots=["fri-morning"], hps=4, load="high", lang="A2", onb="ibtp", months=6, cert=True,
     work=["magazijnmedewerker"], req=["haccp"], allow="expenses",
     suit=["first_step", "low_dutch"], offers=["career", "social"])
task("voedselhulp", "intake", "Intakegesprekken met nieuwe klanten",
     "Om de week voer je op dinsdagmiddag gesprekken met nieuwe aanmelders. Je kijkt samen naar "
     "inkomsten en uitgaven en legt uit hoe de voedselhulp werkt. Je krijgt een training en werkt "
     "met een vast protocol.",
     ["geld-armoede"], ["geldzaken", "luisteren", "administratie"], [],
     slots=["tue-afternoon"], freq="biweekly", hps=3, lang="B2", onb="ibt", months=12,
     req=["communicatie"], allow="expenses", offers=["values", "understanding"])
task("voedselhulp", "inzameling-supermarkt", "Inzamelactie bij de supermarkt",
     "Op zaterdag 13 november 2027 staan we bij drie supermarkten in Zuidwest. Jij deelt boodschappen"
     "lijstjes uit en neemt producten in. Twee uur is al genoeg.",
     ["geld-armoede", "evenementen"], ["gastvrijheid"], [],
     slots=["sat-morning"], freq="once", hps=2, start="2027-11-13", end="2027-11-13",
     lang="A2", allow="none", suit=["with_children", "school_internship", "first_step"],
     onb=FIRST)
task("voedselhulp", "voorjaarsactie-2026", "Voorjaarsactie 2026: extra pakketten inpakken",
     "In het voorjaar van 2026 pakten we extra pakketten in voor gezinnen met kinderen. Je werkte op "
     "maandagochtend in het magazijn. Deze actie is afgelopen.",
     ["geld-armoede"], ["magazijn"], [],
     slots=["mon-morning"], hps=3, load="medium", lang="A2", start="2026-03-02", end="2026-06-30",
     allow="expenses")

# Taalhuis De Woordenkast
rid = role("woordenkast", "taalcafe", "Begeleider taalcafé",
           "Het taalcafé is op donderdagavond. Bewoners oefenen Nederlands door te praten. "
           "De begeleiding is opgeknipt in kleine taken, ook voor thuis.")
task("woordenkast", "gespreksleider", "Gespreksleider aan een tafel in het taalcafé",
     "Aan jouw tafel zitten vier tot zes mensen die Nederlands leren. Jij kiest een onderwerp en "
     "zorgt dat iedereen aan het woord komt. Je hoeft geen docent te zijn.",
     ["taal-leren"], ["nederlandse-taal", "luisteren"], ["lesgeven"],
     slots=["thu-evening"], hps=2, lang="B2", onb="ibt", role=rid, ess=True, months=3,
     allow="none", offers=["values", "social", "understanding"])
task("woordenkast", "nieuwe-deelnemers", "Nieuwe deelnemers ontvangen en niveau inschatten",
     "Jij ontvangt nieuwe deelnemers, doet een korte taaltest en kiest een tafel die past. Je krijgt "
     "uitleg over de test.",
     ["taal-leren"], ["nederlandse-taal", "gastvrijheid"], [],
     slots=["thu-evening"], hps=1, lang="C1", onb="it", role=rid, ess=True, allow="none")
task("woordenkast", "oefenmateriaal", "Oefenmateriaal voor het taalcafé maken",
     "Jij zoekt plaatjes, woordkaartjes en korte teksten voor de gespreksleiders. Dat doe je thuis, "
     "wanneer je wilt. We sturen je elke week de thema's.",
     ["taal-leren", "cultuur-creatief"], ["lesgeven", "computer", "creatief"], [],
     flexible=True, hpw=1, hps=1, lang="B2", remote=True, role=rid, allow="none",
     suit=["wheelchair"])
task("woordenkast", "taalspelletjes", "Taalspelletjes voor beginners",
     "Om de week speel je met beginners woordspelletjes, zoals memory en bingo met plaatjes. Zo leren "
     "ze lachend nieuwe woorden.",
     ["taal-leren"], ["nederlandse-taal", "gastvrijheid"], [],
     slots=["thu-evening"], freq="biweekly", hps=2, lang="B1", role=rid, allow="none",
     suit=["first_step"], onb=FIRST)
task("woordenkast", "whatsapp-groep", "WhatsApp-groep van het taalcafé bijhouden",
     "Jij stuurt elke week een herinnering en het thema naar de groep. Je beantwoordt korte vragen. "
     "Tien minuten per dag, vanaf je telefoon.",
     ["taal-leren", "digitaal"], ["communicatie"], [],
     flexible=True, hpw=0.75, hps=0.25, lang="B1", remote=True, role=rid, allow="none")

task("woordenkast", "zaal-klaarzetten", "Zaal klaarzetten en opruimen bij het taalcafé",
     "Voor het taalcafé zet je tafels en stoelen neer en na afloop ruim je alles weer op. Een "
     "kwartier vooraf en een halfuur achteraf. Weinig Nederlands nodig, wel handig en op tijd.",
     ["taal-leren", "buurt"], ["schoonmaken", "organiseren"], [],
     slots=["thu-evening"], hps=0.75, load="medium", lang="A2", role=rid, allow="none",
     suit=["low_dutch", "school_internship"])

task("woordenkast", "taalmaatje", "Taalmaatje voor een nieuwkomer",
     "Je spreekt een jaar lang elke week af met een nieuwkomer. Jullie praten, doen boodschappen of "
     "gaan naar de bibliotheek. Je krijgt een training en een vaste coördinator.",
     ["taal-leren", "buurt"], ["nederlandse-taal", "luisteren"], ["andere-talen"],
     slots=["mon-afternoon", "tue-evening", "sat-morning"], flexible=True, hpw=1.5, hps=1.5,
     lang="B1", onb="ibt", months=12, allow="expenses", offers=["values", "social", "understanding"])
task("woordenkast", "formulieren-arabisch-turks", "Hulp bij formulieren in het Arabisch of Turks",
     "Op dinsdagmiddag help je bewoners die nog weinig Nederlands spreken met brieven en formulieren. "
     "Jij spreekt Nederlands en Arabisch of Turks. Je werkt samen met een medewerker van het "
     "taalhuis.",
     ["taal-leren", "geld-armoede"], ["andere-talen", "geldzaken"], [],
     slots=["tue-afternoon"], hps=2, lang="B1", onb="ib", allow="expenses",
     offers=["values", "understanding"])
task("woordenkast", "leesclub", "Leesclub in makkelijk Nederlands",
     "Om de week lees je met een groepje een boek in makkelijke taal. Jullie praten over het verhaal. "
     "Leuk als je zelf graag leest.",
     ["taal-leren", "cultuur-creatief"], ["voorlezen", "nederlandse-taal"], [],
     slots=["mon-afternoon"], freq="biweekly", hps=1.5, lang="B1", allow="none",
     suit=["wheelchair"])
task("woordenkast", "folders-vertalen", "Folders vertalen naar het Pools, Arabisch of Tigrinya",
     "Af en toe hebben we een folder die in andere talen moet. Jij vertaalt thuis en iemand anders "
     "leest mee. Je doet het wanneer het jou uitkomt.",
     ["taal-leren", "digitaal"], ["andere-talen", "communicatie"], [],
     freq="occasional", flexible=True, hpw=0.25, hps=2, lang="B2", remote=True, allow="none",
     suit=["wheelchair"])

# Buurtbemiddeling Vrede in de Straat
task("vredestraat", "buurtbemiddelaar", "Buurtbemiddelaar: gesprekken tussen buren leiden",
     "Samen met een collega praat je met buren die ruzie hebben. Je luistert naar beide kanten en "
     "helpt hen zelf een oplossing te vinden. Je volgt eerst een training van vijf dagdelen en krijgt "
     "een certificaat. Gesprekken zijn meestal 's avonds.",
     ["buurt"], ["mediation", "luisteren"], ["communicatie"],
     slots=["mon-evening", "tue-evening", "wed-evening", "thu-evening"], flexible=True,
     hpw=2, hps=2, lang="B2", onb="ibtp", months=12, cert=True, req=["communicatie"],
     allow="expenses", offers=["values", "understanding", "enhancement"])
task("vredestraat", "telefonische-intake", "Telefonische intake van nieuwe aanvragen",
     "Jij belt met bewoners die zich aanmelden. Je vraagt wat er aan de hand is en schrijft het kort "
     "op. Je belt vanuit huis op maandag of dinsdag.",
     ["buurt", "organisatie-administratie"], ["luisteren", "administratie"], [],
     slots=["mon-morning", "tue-morning"], flexible=True, hpw=2, hps=2, lang="C1", remote=True,
     onb="it", months=6, allow="expenses", suit=["wheelchair"])
task("vredestraat", "tolk", "Tolk bij bemiddelingsgesprekken",
     "Soms spreekt een buur weinig Nederlands. Jij vertaalt dan tijdens het gesprek, in het Turks, "
     "Arabisch, Pools of Papiaments. We bellen je als het nodig is.",
     ["buurt", "taal-leren"], ["andere-talen"], ["mediation"],
     freq="occasional", hpw=0.25, hps=2, on_call=True, lang="B1", allow="va", eur=5.00,
     offers=["values"])
task("vredestraat", "folders-flats", "Folders verspreiden in portiekflats",
     "Een paar keer per jaar brengen we een folder rond in de flats. Jij loopt een route van een uur "
     "of twee. Je kiest zelf de dag.",
     ["buurt"], [], [],
     freq="occasional", flexible=True, hpw=0.2, hps=2, load="medium", lang="A2", allow="none",
     suit=["no_dutch_needed", "school_internship", "with_children"])

# Papierwerk Samen (thuisadministratie)
task("papierwerk", "thuisadministratie-maatje", "Thuisadministratie-maatje",
     "Je gaat een keer per week bij iemand thuis langs. Samen sorteer je de post, betaal je rekeningen "
     "en maak je een overzicht. Je krijgt een training van drie ochtenden en een VOG.",
     ["geld-armoede"], ["geldzaken", "administratie"], ["luisteren"],
     slots=["mon-morning", "tue-afternoon", "thu-morning", "fri-afternoon"], flexible=True,
     hpw=2, hps=2, lang="B2", onb="ibtp", months=12, req=["vog"], allow="expenses",
     offers=["values", "understanding"])
task("papierwerk", "spreekuur-digid", "Spreekuur: hulp bij DigiD en toeslagen",
     "Op donderdagochtend help je bewoners met inloggen met DigiD, een toeslag aanvragen of een "
     "wijziging doorgeven. Je werkt op de laptop van het project, samen met een vaste vrijwilliger.",
     ["geld-armoede", "digitaal"], ["computer", "geldzaken"], [],
     slots=["thu-morning"], hps=3, lang="B2", onb="ibt", months=6, allow="expenses")
task("papierwerk", "post-sorteren", "Post sorteren en mappen maken",
     "Op vrijdagmiddag maak je op kantoor nieuwe ordners voor deelnemers. Je sorteert papier en zet "
     "labels op mappen. Rustig werk om te beginnen, met een buddy.",
     ["geld-armoede", "organisatie-administratie"], ["administratie"], ["administratie"],
     slots=["fri-afternoon"], hps=2, lang="A2", onb=FIRST, allow="va", eur=1.50,
     work=["administratief medewerker"], suit=["first_step", "wheelchair"])
task("papierwerk", "coordinator-koppelingen", "Coördinator: maatjes en deelnemers koppelen",
     "Jij voert kennismakingsgesprekken met nieuwe deelnemers en zoekt een passend maatje. Je volgt de "
     "koppelingen en bent vraagbaak voor de vrijwilligers. Ervaring met administratie of "
     "schuldhulp is handig.",
     ["geld-armoede", "organisatie-administratie"], ["leidinggeven", "organiseren", "geldzaken"],
     ["leidinggeven"], slots=["tue-morning"], hps=3, lang="C1", onb="it", months=12,
     allow="va", eur=4.00, req=["coordineren"], offers=["career", "values"])
task("papierwerk", "cursus-rondkomen", "Budgetcursus 'Rondkomen' mee begeleiden",
     "In maart en april geven we op woensdagavond een budgetcursus van zes avonden. Jij helpt de "
     "docent, maakt koffie en beantwoordt vragen aan tafel.",
     ["geld-armoede", "taal-leren"], ["geldzaken", "lesgeven"], [],
     slots=["wed-evening"], hps=2.5, lang="B1", start="2027-03-03", end="2027-04-07",
     allow="expenses")

# Kringloopwinkel De Tweede Ronde
rid = role("tweederonde", "winkel", "Winkelmedewerker kringloop",
           "Een kringloopwinkel heeft veel soorten werk: kassa, sorteren, etalage, ophalen en "
           "testen. Deze rol is opgeknipt zodat je kunt kiezen.")
task("tweederonde", "kassa", "Kassa draaien in de kringloopwinkel",
     "Op zaterdagmiddag sta je achter de kassa. Je rekent af, pakt in en helpt klanten met vragen. "
     "Dit telt als werkervaring voor de detailhandel.",
     ["organisatie-administratie", "buurt"], ["verkoop", "gastvrijheid"], ["verkoop"],
     slots=["sat-afternoon"], hps=4, lang="B1", onb="ibtp", role=rid, ess=True, months=6,
     cert=True, work=["winkelmedewerker"], allow="va", eur=1.50, suit=["wheelchair"],
     offers=["career", "social"])
task("tweederonde", "sorteren-prijzen", "Spullen sorteren en prijzen",
     "Op dinsdagochtend pak je de giften uit. Je kijkt wat goed is, maakt het schoon en zet er een "
     "prijs op. Je werkt in het magazijn achter de winkel.",
     ["organisatie-administratie"], ["magazijn", "verkoop"], [],
     slots=["tue-morning"], hps=3, load="medium", lang="A2", role=rid, ess=True,
     work=["magazijnmedewerker"], suit=["low_dutch", "first_step"], onb=FIRST, allow="va",
     eur=1.50)
task("tweederonde", "etalage", "Etalage van de kringloop inrichten",
     "Eens per maand richt jij de etalage opnieuw in, met een thema zoals 'terug naar school' of "
     "'winter'. Creatief werk, je hebt de vrije hand.",
     ["cultuur-creatief"], ["creatief"], [],
     slots=["mon-afternoon"], freq="monthly", hps=3, lang="A2", role=rid, allow="expenses")
task("tweederonde", "ophaaldienst", "Ophaaldienst: meubels ophalen met de bus",
     "Op vrijdagochtend haal je met een collega meubels en dozen op bij mensen thuis. Je rijdt de bus "
     "of je bent bijrijder. Chauffeurs volgen eerst een rijtraining.",
     ["vervoer"], ["autorijden", "magazijn"], [],
     slots=["fri-morning"], hps=4, load="high", lang="A2", onb="it", role=rid, months=3,
     req=["rijvaardigheid"], cert=True, work=["chauffeur"], allow="va", eur=2.50)
task("tweederonde", "apparaten-testen", "Elektrische apparaten testen",
     "Op woensdagmiddag test je of lampen, radio's en waterkokers het nog doen. Wat veilig is, gaat "
     "de winkel in. Je krijgt een testapparaat en uitleg.",
     ["klussen-techniek"], ["klussen"], [],
     slots=["wed-afternoon"], hps=2, lang="B1", role=rid, allow="va", eur=1.50)
task("tweederonde", "werkervaringsplek", "Werkervaringsplek in de kringloopwinkel",
     "Wil je weer aan het werk? Je werkt drie ochtenden per week mee in winkel en magazijn. Je krijgt "
     "een vaste begeleider, een plan en aan het eind een getuigschrift.",
     ["organisatie-administratie"], ["verkoop", "magazijn"], ["gastvrijheid"],
     slots=["tue-morning", "wed-morning", "thu-morning"], hps=4, load="medium", lang="A2",
     onb="ibtp", months=6, cert=True, work=["winkelmedewerker", "magazijnmedewerker"],
     allow="va", eur=1.50, suit=["first_step", "low_dutch"], offers=["career", "protective"])
task("tweederonde", "boeken-sorteren", "Boeken sorteren en de boekenhoek bijhouden",
     "Jij sorteert de boeken op soort en zet ze netjes in de kast. Zittend werk, op een moment dat jou "
     "past tijdens openingstijden.",
     ["cultuur-creatief"], ["magazijn"], [],
     slots=["tue-afternoon", "wed-afternoon", "thu-afternoon"], flexible=True, hpw=2, hps=2,
     lang="A2", allow="none", suit=["wheelchair", "no_dutch_needed"])

# Mantelzorgpunt Het Steuntje
task("steuntje", "maatje-mantelzorger", "Maatje voor een mantelzorger van iemand met dementie",
     "Je bezoekt een mantelzorger die voor een partner of ouder met dementie zorgt. Je luistert, denkt "
     "mee en helpt de weg te vinden naar hulp. Je krijgt een training over dementie en mantelzorg, "
     "en als je in de zorg hebt gewerkt, is je ervaring heel welkom.",
     ["zorg-welzijn", "ouderen"], ["luisteren", "verzorgen"], [],
     slots=["mon-morning", "wed-afternoon", "thu-evening"], flexible=True, hpw=1.5, hps=1.5,
     lang="B1", onb="ibtp", months=6, req=["dementie", "mantelzorg"], allow="expenses",
     offers=["values", "protective"])
task("steuntje", "respijt-middag", "Respijt: een middag bij iemand met dementie",
     "Zo heeft de mantelzorger even vrij. Jij bent een middag bij iemand met dementie thuis. Jullie "
     "wandelen, kijken foto's of drinken thee. Je loopt eerst twee keer mee en krijgt een training.",
     ["zorg-welzijn", "ouderen"], ["luisteren", "verzorgen"], [],
     slots=["tue-afternoon", "wed-afternoon", "thu-afternoon"], flexible=True, hpw=3, hps=3,
     lang="B1", onb="ibtp", months=6, req=["vog", "dementie"], allow="va", eur=2.50)
task("steuntje", "mantelzorgcafe", "Gastheer of gastvrouw van het mantelzorgcafé",
     "Op de laatste dinsdagavond van de maand komen mantelzorgers samen. Jij ontvangt ze, schenkt "
     "koffie en zorgt dat nieuwe mensen zich welkom voelen. Eén avond per maand.",
     ["zorg-welzijn", "buurt"], ["gastvrijheid", "luisteren"], [],
     slots=["tue-evening"], freq="monthly", hps=2.5, lang="B1", onb=FIRST,
     suit=["first_step"], work=["gastheer/gastvrouw"], allow="expenses")
task("steuntje", "telefooncirkel", "Telefooncirkel voor mantelzorgers",
     "Op maandagochtend bel je vijf mantelzorgers om te horen hoe het gaat. Een kort gesprek, vanuit "
     "je eigen huis. Als je je zorgen maakt, geef je dat door aan Yvonne.",
     ["zorg-welzijn"], ["luisteren"], ["communicatie"],
     slots=["mon-morning"], hps=1, lang="B1", remote=True, onb="it", allow="none",
     suit=["wheelchair"], offers=["values", "social"])
task("steuntje", "ontmoetingsgroep-dementie", "Ontmoetingsgroep voor mensen met dementie mee begeleiden",
     "Op vrijdagochtend komen mensen met beginnende dementie en hun partners samen. Jij helpt de "
     "begeleider met activiteiten en gesprekken. Voor mensen met ervaring in zorg of welzijn.",
     ["zorg-welzijn", "ouderen"], ["verzorgen", "luisteren"], ["lesgeven"],
     slots=["fri-morning"], hps=3, lang="B2", onb="ibt", months=6, req=["dementie", "vog"],
     allow="expenses", offers=["values", "understanding"])
task("steuntje", "uitje-jonge-mantelzorgers", "Uitje voor jonge mantelzorgers naar het strand",
     "Op zaterdag 3 juli 2027 gaan we met twintig jonge mantelzorgers van 12 tot 18 jaar naar het "
     "strand. Jij gaat mee als begeleider. Eén dag, een VOG is nodig.",
     ["jeugd", "zorg-welzijn", "evenementen"], ["kinderen-begeleiden"], [],
     slots=["sat-morning"], freq="once", hps=7, start="2027-07-03", end="2027-07-03",
     load="medium", lang="B1", req=["vog"], allow="none", offers=["values", "social"])

# Zwerfafvalploeg Schoon Zuidwest
task("schoonzw", "prikken-eigen-straat", "Zwerfafval prikken in je eigen straat",
     "Je krijgt een grijper, handschoenen en zakken. Je prikt afval wanneer jij wilt, in je eigen "
     "straat of op je vaste wandelroute. Kinderen kunnen gewoon meedoen.",
     ["natuur-groen", "buurt"], ["schoonmaken"], [],
     flexible=True, hpw=1, hps=1, load="medium", lang="A2", allow="none", onb=FIRST,
     suit=["first_step", "with_children", "no_dutch_needed"], offers=["values", "protective"])
task("schoonzw", "opschoondag-2027", "Opschoondag in het Zuiderpark",
     "Op zaterdag 20 maart 2027 ruimen we met honderd buren het Zuiderpark op. Je kiest een uur of "
     "drie. Na afloop is er soep en een bedankje.",
     ["natuur-groen", "evenementen"], ["schoonmaken"], [],
     slots=["sat-morning"], freq="once", hps=3, start="2027-03-20", end="2027-03-20",
     load="medium", lang="A2", allow="none",
     suit=["with_children", "school_internship", "no_dutch_needed", "first_step"], onb=FIRST)
task("schoonzw", "ploegleider", "Ploegleider van de opschoonronde op zaterdag",
     "Om de week leid je op zaterdagochtend een groep van zes tot tien buren. Jij kiest de route, deelt "
     "materiaal uit en zorgt voor de zakken. Je leert een groep aansturen.",
     ["natuur-groen", "buurt"], ["leidinggeven", "organiseren"], ["leidinggeven"],
     slots=["sat-morning"], freq="biweekly", hps=2.5, load="medium", lang="B1", months=6,
     allow="expenses", offers=["enhancement", "social"])
task("schoonzw", "resultaten-invoeren", "Resultaten van de opschoonrondes invoeren",
     "Na elke ronde tellen we wat we vinden. Jij zet de cijfers in een spreadsheet en maakt eens per "
     "kwartaal een kort verslag met foto's. Dat kan thuis.",
     ["natuur-groen", "digitaal"], ["excel", "communicatie"], ["excel"],
     freq="occasional", flexible=True, hpw=0.5, hps=2, lang="B1", remote=True, allow="none")

# --------------------------------------------------------------------------
# TASKS: Morgenstond
# --------------------------------------------------------------------------
rid = role("bladwijzer", "digicafe", "Begeleider Digicafé",
           "In het Digicafé helpen vrijwilligers bewoners met computer, telefoon en DigiD. De rol "
           "bestaat uit vier delen die je apart of samen kunt doen.")
task("bladwijzer", "digicafe-dinsdag", "Helpen in het Digicafé op dinsdagochtend",
     "Bezoekers komen met vragen over e-mail, DigiD of een online formulier. Jij kijkt mee en legt "
     "rustig uit, zodat ze het de volgende keer zelf kunnen. Je volgt eerst een korte training.",
     ["digitaal"], ["computer", "lesgeven"], ["lesgeven"],
     slots=["tue-morning"], hps=2, lang="B1", onb="ibt", role=rid, ess=True, months=3,
     allow="expenses", suit=["wheelchair"], offers=["values", "understanding"])
task("bladwijzer", "smartphone-uitleg", "Uitleg over de smartphone op donderdagmiddag",
     "Veel ouderen hebben een nieuwe telefoon maar weten niet hoe WhatsApp of foto's werken. Jij "
     "helpt ze stap voor stap. Geduld is belangrijker dan technische kennis.",
     ["digitaal", "ouderen"], ["computer", "luisteren"], [],
     slots=["thu-afternoon"], hps=1.5, lang="B1", onb=FIRST, role=rid,
     suit=["first_step", "wheelchair"], allow="expenses")
task("bladwijzer", "afspraken-maken", "Afspraken maken voor het Digicafé",
     "Mensen bellen of mailen voor een afspraak. Jij plant ze in de agenda en stuurt een "
     "herinnering. Dat doe je vanuit huis.",
     ["digitaal", "organisatie-administratie"], ["organiseren", "computer"], [],
     flexible=True, hpw=0.5, hps=0.5, lang="B1", remote=True, role=rid, allow="none")
task("bladwijzer", "cursus-veilig-internet", "Workshop 'Veilig internetten' voorbereiden en geven",
     "Eens per maand geef je op maandagochtend een workshop van een uur over nepmails en wachtwoorden. "
     "Het lesmateriaal ligt klaar. Je oefent eerst met een collega.",
     ["digitaal", "taal-leren"], ["lesgeven", "computer"], ["communicatie"],
     slots=["mon-morning"], freq="monthly", hps=3, lang="B2", role=rid, allow="expenses")

task("bladwijzer", "digihulp-aan-huis", "Digihulp aan huis voor wie niet naar het Digicafé kan",
     "Sommige bewoners kunnen de deur niet uit. Jij fietst naar ze toe en helpt thuis met de tablet "
     "of de telefoon. Jullie spreken zelf een moment af.",
     ["digitaal", "ouderen"], ["computer", "luisteren"], [],
     flexible=True, hpw=1, hps=1, load="medium", lang="B1", onb="it", role=rid, months=3,
     allow="expenses")

task("bladwijzer", "voorleesuurtje-peuters", "Voorleesuurtje voor peuters op woensdag",
     "Elke woensdagochtend lees je een prentenboek voor aan peuters en hun ouders. Je mag het "
     "spannend en grappig maken. Neem gerust je eigen kind mee.",
     ["jeugd", "taal-leren"], ["voorlezen"], [],
     slots=["wed-morning"], hps=1, lang="B1", req=["vog"], allow="none",
     suit=["with_children", "first_step"], onb=FIRST, offers=["social", "values"])
task("bladwijzer", "boeken-aan-huis", "Boeken aan huis bezorgen bij ouderen",
     "Om de week breng je op donderdagochtend boeken naar ouderen die niet meer naar de bibliotheek "
     "kunnen. Je blijft even voor een praatje. Je gaat op de fiets, de bibliotheek heeft fietstassen.",
     ["ouderen", "vervoer", "taal-leren"], ["luisteren"], [],
     slots=["thu-morning"], freq="biweekly", hps=2, load="medium", lang="B1", allow="expenses",
     offers=["values", "social"])
task("bladwijzer", "nieuwspraatgroep", "Praatgroep over het nieuws aan de leestafel",
     "Op vrijdagochtend lees je met een groepje de krant en praten jullie over het nieuws. Jij kiest "
     "de artikelen en zorgt dat iedereen mee kan praten.",
     ["taal-leren", "ouderen"], ["nederlandse-taal", "luisteren"], [],
     slots=["fri-morning"], hps=1.5, lang="B2", allow="none", suit=["wheelchair"])
task("bladwijzer", "verhuizing-2026", "Verhuizing van de bibliotheek: boeken inpakken",
     "In mei en juni 2026 verhuisde de bibliotheek naar een nieuw pand. Je pakte dozen in en zette "
     "boeken in de nieuwe kasten. Deze klus is klaar.",
     ["cultuur-creatief", "organisatie-administratie"], ["magazijn"], [],
     slots=["mon-afternoon", "wed-afternoon"], flexible=True, hpw=3, hps=3, load="high",
     lang="A2", start="2026-05-04", end="2026-06-30", allow="none")

# Boodschappenbus Zuidwest
rid = role("boodschappenbus", "chauffeur", "Chauffeur boodschappenbus",
           "De chauffeur brengt ouderen naar de winkel en weer thuis. Om die rol licht te houden, "
           "delen we het werk op: rijden, helpen, plannen en de bus verzorgen.")
task("boodschappenbus", "rijden-dinsdag", "Chauffeur van de boodschappenbus op dinsdagochtend",
     "Je rijdt een vaste route langs acht ouderen en brengt ze naar de supermarkt en weer thuis. Je "
     "hebt rijbewijs B. Je volgt eerst onze training 'veilig rijden met passagiers' en krijgt "
     "daarvan een certificaat.",
     ["vervoer", "ouderen"], ["autorijden"], [],
     slots=["tue-morning"], hps=3.5, load="medium", lang="B1", onb="ibtp", role=rid, ess=True,
     months=6, req=["rijvaardigheid"], cert=True, work=["chauffeur"], allow="va", eur=2.50,
     offers=["values", "social", "career"])
task("boodschappenbus", "bijrijder", "Bijrijder: helpen met instappen en tassen",
     "Jij rijdt mee, helpt mensen in en uit de bus en draagt de tassen tot de voordeur. Je hebt geen "
     "rijbewijs nodig. Een mooie eerste stap.",
     ["vervoer", "ouderen"], ["luisteren"], [],
     slots=["tue-morning"], hps=3, load="medium", lang="A2", onb=FIRST, role=rid,
     suit=["first_step", "low_dutch"], allow="expenses")
task("boodschappenbus", "ritten-plannen", "Ritten plannen en klanten terugbellen",
     "Op maandagmiddag maak je de ritlijst voor de week. Je belt klanten om de tijd door te geven. "
     "Dat kan thuis, met een telefoon en een laptop van ons.",
     ["vervoer", "organisatie-administratie"], ["organiseren", "computer"], ["excel"],
     slots=["mon-afternoon"], hps=2, lang="B1", remote=True, role=rid, ess=True, months=3,
     allow="expenses", work=["administratief medewerker"], suit=["wheelchair"])
task("boodschappenbus", "bus-verzorgen", "Bus schoonmaken en tanken",
     "Om de week maak je op vrijdagmiddag de bus van binnen schoon en rijd je even naar het "
     "tankstation. Een uur werk.",
     ["vervoer"], ["schoonmaken", "autorijden"], [],
     slots=["fri-afternoon"], freq="biweekly", hps=1, load="medium", lang="A2", role=rid,
     allow="expenses")
task("boodschappenbus", "ziekenhuisritten", "Ritten naar het ziekenhuis op afroep",
     "Soms moet iemand naar het ziekenhuis of de fysiotherapeut. Wij sturen een bericht, jij zegt ja "
     "als het uitkomt. Gemiddeld een rit per week.",
     ["vervoer", "zorg-welzijn"], ["autorijden", "luisteren"], [],
     on_call=True, freq="occasional", hpw=1, hps=2, lang="B1", role=rid,
     req=["rijvaardigheid"], allow="va", eur=2.50)
task("boodschappenbus", "zondagsuitje", "Zondagsuitje met de bus: een middag naar zee",
     "Op de derde zondag van de maand rijden we met ouderen naar Kijkduin of Scheveningen. Je rijdt "
     "of je gaat mee als begeleider. We drinken samen koffie aan zee.",
     ["vervoer", "ouderen", "evenementen"], ["autorijden", "gastvrijheid"], [],
     slots=["sun-afternoon"], freq="monthly", hps=4, lang="B1", req=["rijvaardigheid"],
     allow="expenses", offers=["social", "values"])
task("boodschappenbus", "boodschappen-buur", "Boodschappen doen voor een oudere buur",
     "Je doet één keer per week boodschappen voor iemand in je eigen buurt die niet goed kan lopen. "
     "Jullie spreken samen een moment af. Geen auto nodig.",
     ["vervoer", "ouderen", "buurt"], ["luisteren"], [],
     flexible=True, hpw=1, hps=1, load="medium", lang="A2", onb=FIRST,
     suit=["first_step", "with_children"], allow="expenses")

# Klusploeg De Waterpas
rid = role("waterpas", "coordinator", "Coördinator klussenteam",
           "De coördinator zorgt dat klusaanvragen goed terechtkomen en dat de klussers veilig werken. "
           "Die rol is te groot voor één persoon en daarom in stukken verdeeld.")
task("waterpas", "aanvragen-telefoon", "Klusaanvragen aannemen aan de telefoon",
     "Op maandagochtend neem je de telefoon op en schrijf je de klusaanvragen op. Je vraagt door: wat "
     "is er precies kapot? Je doet dit thuis, de telefoon wordt doorgeschakeld.",
     ["klussen-techniek", "organisatie-administratie"], ["luisteren", "administratie"], [],
     slots=["mon-morning"], hps=2, lang="B1", remote=True, role=rid, ess=True, allow="expenses",
     suit=["wheelchair"])
task("waterpas", "klussen-plannen", "Klussen plannen en verdelen",
     "Op maandagmiddag verdeel je de klussen over de klussers. Je let op wie wat kan en wie wanneer "
     "tijd heeft. Je werkt met een simpel planbord op de computer.",
     ["klussen-techniek", "organisatie-administratie"], ["organiseren", "excel"], ["leidinggeven"],
     slots=["mon-afternoon"], hps=2, lang="B2", role=rid, ess=True, months=6,
     req=["coordineren"], allow="va", eur=3.00, offers=["career", "enhancement"])
task("waterpas", "aansturen-locatie", "Klussers aansturen op locatie",
     "Op woensdagochtend ga je mee naar de klussen. Je helpt nieuwe klussers op weg, let op "
     "veiligheid en lost problemen op. Ervaring in de bouw of installatie is nodig.",
     ["klussen-techniek"], ["leidinggeven", "klussen"], [],
     slots=["wed-morning"], hps=3, load="medium", lang="B1", role=rid, ess=True, months=6,
     allow="va", eur=3.00)
task("waterpas", "materiaalbeheer", "Gereedschap en materiaal beheren",
     "Op vrijdagochtend kijk je of alle gereedschap terug is en wat er besteld moet worden. Je houdt "
     "het busje en de schuur op orde.",
     ["klussen-techniek"], ["magazijn", "klussen"], [],
     slots=["fri-morning"], hps=1, load="medium", lang="A2", role=rid, allow="expenses")
task("waterpas", "bouwkundige-check", "Bouwkundige check vóór grotere klussen",
     "Soms is een klus groter dan gedacht: een scheur in de muur of een verzakte vloer. Dan ga jij "
     "eerst kijken en adviseer je wat kan en wat niet. Voor gepensioneerde bouwkundigen, tekenaars en "
     "aannemers. We bellen je als het nodig is.",
     ["klussen-techniek"], ["technisch-tekenen", "klussen"], [],
     on_call=True, freq="occasional", hpw=0.5, hps=2, lang="B1", role=rid,
     allow="expenses", offers=["values", "understanding"])
task("waterpas", "nabellen", "Bewoners nabellen: is de klus goed gegaan?",
     "Een week na de klus bel jij de bewoner. Is alles gelukt? Is er nog iets anders nodig? Jij "
     "schrijft de antwoorden kort op.",
     ["klussen-techniek", "ouderen"], ["luisteren"], [],
     flexible=True, hpw=0.5, hps=0.5, lang="B1", remote=True, role=rid, allow="none")

task("waterpas", "klusser", "Klusser bij Klusploeg De Waterpas (project Veilig Thuis)",
     "Wat ga je doen: kleine klussen bij ouderen, zoals een lamp ophangen, een kraan vervangen of een "
     "drempel weghalen. Hoeveel tijd: één ochtend per week, woensdag of donderdag, van 9 tot 12 uur. "
     "Je werkt altijd met z'n tweeën en gereedschap is er. Contact: {cname}, {cphone} of {cemail}.",
     ["klussen-techniek", "ouderen"], ["klussen"], ["klussen"],
     slots=["wed-morning", "thu-morning"], flexible=True, hpw=3, hps=3, load="medium", lang="A2",
     onb="ibp", months=3, allow="va", eur=2.00, suit=["first_step"],
     offers=["values", "social", "protective"])
task("waterpas", "schilderklussen", "Schilderklussen bij ouderen thuis",
     "Om de week schilder je op donderdag een kozijn, een deur of een kamer bij een oudere bewoner. "
     "Verf en kwasten zijn er. Ben je schilder geweest? Dan is dit je kans om je vak te blijven doen.",
     ["klussen-techniek", "ouderen"], ["klussen"], [],
     slots=["thu-morning"], freq="biweekly", hps=4, load="high", lang="A2", allow="va", eur=2.00)
task("waterpas", "valpreventie", "Valpreventie: beugels en lampjes ophangen",
     "Na een val in huis bellen we jou. Jij hangt beugels op in de badkamer en nachtlampjes in de "
     "gang. Een klus duurt meestal een uur of twee.",
     ["klussen-techniek", "zorg-welzijn", "ouderen"], ["klussen"], [],
     on_call=True, freq="occasional", hpw=0.5, hps=2, load="medium", lang="A2", allow="expenses")

# Buurttheater Het Gordijn
task("gordijn", "decor-bouwen", "Decor bouwen en schilderen",
     "Op maandagavond bouw je met een ploeg het decor voor de volgende voorstelling. Je zaagt, "
     "timmert en schildert. Ook voor wie graag tekent of knutselt.",
     ["cultuur-creatief", "klussen-techniek"], ["klussen", "creatief"], ["technisch-tekenen"],
     slots=["mon-evening"], hps=3, load="medium", lang="A2", allow="none",
     offers=["enhancement", "social"])
task("gordijn", "toneelspelen", "Toneelspelen in de wijkvoorstelling",
     "Elke woensdagavond repeteren we een stuk over het leven in Zuidwest. Ervaring is niet nodig. Je "
     "speelt mee in drie voorstellingen in het voorjaar.",
     ["cultuur-creatief"], ["communicatie"], ["communicatie"],
     slots=["wed-evening"], hps=2.5, lang="B1", months=6, allow="none",
     offers=["enhancement", "social", "protective"])
task("gordijn", "licht-geluid", "Licht en geluid bij voorstellingen",
     "Eens per maand doe je op vrijdagavond het licht en geluid. Je leert werken met een "
     "lichttafel en een mengpaneel. Een ervaren technicus leert het je.",
     ["cultuur-creatief", "klussen-techniek"], ["computer"], ["computer"],
     slots=["fri-evening"], freq="monthly", hps=4, lang="B1", onb="ibt", allow="expenses",
     suit=["school_internship"])
task("gordijn", "bar-voorstelling", "Bar en kaartverkoop tijdens voorstellingen",
     "Op de avond van een voorstelling verkoop je kaartjes en sta je in de pauze achter de bar. Voor "
     "de bar heb je het certificaat Sociale Hygiëne nodig.",
     ["cultuur-creatief", "eten-koken"], ["gastvrijheid", "verkoop"], [],
     slots=["sat-evening"], freq="monthly", hps=4, lang="B1", req=["sociale-hygiene"],
     work=["medewerker horeca"], allow="va", eur=2.00)
task("gordijn", "huisband", "Muziek maken in de huisband van het theater",
     "Speel je gitaar, keyboard, drums of zing je? Op dinsdagavond repeteert de huisband. We spelen "
     "bij voorstellingen en op buurtfeesten.",
     ["cultuur-creatief"], ["muziek"], [],
     slots=["tue-evening"], hps=2, lang="A2", allow="none", suit=["low_dutch"])
task("gordijn", "verhalen-verzamelen", "Verhalen van ouderen verzamelen voor 'Zuidwest vertelt'",
     "Voor een nieuwe voorstelling zoeken we verhalen over vroeger. Jij interviewt ouderen en schrijft "
     "hun verhaal op. Je plant de gesprekken zelf.",
     ["cultuur-creatief", "ouderen"], ["luisteren", "communicatie"], [],
     freq="occasional", flexible=True, hpw=1, hps=2, lang="B2", end="2027-05-31",
     allow="expenses", offers=["understanding", "values"])

# Huiswerkklas De Kleine Stap
task("kleinestap", "rekenen", "Huiswerkbegeleider rekenen op maandag",
     "Op maandagmiddag help je kinderen van groep 6 tot en met 8 met rekenen. Je legt uit op "
     "een andere manier dan de juf, als het niet lukt. Je hebt een VOG nodig.",
     ["jeugd", "taal-leren"], ["lesgeven", "kinderen-begeleiden"], [],
     slots=["mon-afternoon"], hps=2, lang="B2", onb="ib", months=6, req=["vog"], allow="none",
     offers=["values", "career"])
task("kleinestap", "online-huiswerkhulp", "Online huiswerkhulp via videobellen",
     "Op dinsdagavond help je een brugklasser via videobellen met Engels of wiskunde. Je werkt vanuit "
     "huis met je eigen laptop. Een uur per week.",
     ["jeugd", "taal-leren", "digitaal"], ["lesgeven", "computer"], [],
     slots=["tue-evening"], hps=1, lang="B2", remote=True, onb="i", months=6, req=["vog"],
     allow="none", suit=["wheelchair"])
task("kleinestap", "leesmaatje", "Leesmaatje voor een kind uit groep 5",
     "Op donderdagmiddag lees je een halfuur met één kind, en daarna met een tweede. Jullie kiezen "
     "samen een boek. Zo krijgt lezen weer een leuke kant.",
     ["jeugd", "taal-leren"], ["voorlezen"], [],
     slots=["thu-afternoon"], hps=1, lang="B1", req=["vog"], allow="none", onb=FIRST,
     suit=["first_step"])
task("kleinestap", "plannen-brugklas", "Plannen leren met brugklassers",
     "Om de week help je op vrijdagmiddag brugklassers met hun agenda. Wanneer leer je voor welke "
     "toets? Je geeft tips en houdt de planning een paar weken bij.",
     ["jeugd", "organisatie-administratie"], ["organiseren", "lesgeven"], [],
     slots=["fri-afternoon"], freq="biweekly", hps=1.5, lang="B1", req=["vog"], allow="none",
     suit=["school_internship"])
task("kleinestap", "fruit-klaarzetten", "Fruit en drinken klaarzetten voor de huiswerkklas",
     "Om half vier snijd je fruit en zet je drinken klaar. Daarna ruim je op. Een halfuurtje, "
     "weinig Nederlands nodig.",
     ["jeugd", "eten-koken"], ["koken"], [],
     slots=["wed-afternoon"], hps=0.5, lang="A2", req=["vog"], allow="none", onb=FIRST,
     suit=["first_step", "no_dutch_needed", "with_children"])

# Wijkkrant De Zuidwester
rid = role("zuidwester", "redactie", "Redactie wijkkrant",
           "De wijkkrant wordt gemaakt door een team van bewoners. Schrijven, fotograferen, opmaken "
           "en bezorgen zijn losse taken.")
task("zuidwester", "interviews", "Interviews schrijven voor de wijkkrant",
     "Jij praat met bewoners, ondernemers en vrijwilligers en schrijft er een kort verhaal over. Je "
     "plant de gesprekken zelf en schrijft thuis. Je krijgt feedback van de eindredacteur.",
     ["cultuur-creatief", "buurt"], ["communicatie", "nederlandse-taal"], ["communicatie"],
     flexible=True, hpw=2, hps=2, lang="B2", remote=True, role=rid, ess=True, months=3,
     allow="expenses", offers=["enhancement", "understanding", "career"])
task("zuidwester", "eindredactie", "Eindredactie en correctie",
     "Jij leest alle stukken na op taal en duidelijkheid. Je let er vooral op dat de teksten makkelijk "
     "te lezen zijn. Je werkt thuis en hebt een deadline per editie.",
     ["cultuur-creatief", "organisatie-administratie"], ["nederlandse-taal", "communicatie"], [],
     flexible=True, hpw=1, hps=4, freq="monthly", lang="C1", remote=True, role=rid, ess=True,
     months=6, allow="none")
task("zuidwester", "fotograaf", "Foto's maken bij wijkactiviteiten",
     "Bij buurtfeesten, opschoondagen en openingen maak jij foto's voor de krant en de website. We "
     "vragen je per activiteit. Je eigen telefoon is goed genoeg.",
     ["cultuur-creatief", "evenementen"], ["fotografie"], ["fotografie"],
     on_call=True, freq="occasional", hpw=1, hps=2, lang="A2", role=rid, allow="expenses",
     suit=["low_dutch", "school_internship"])
task("zuidwester", "opmaak", "Opmaak van de wijkkrant",
     "Eens per maand zet je de teksten en foto's in de vormgeving van de krant. We werken met een "
     "gratis programma. Je doet het thuis, in één of twee avonden.",
     ["cultuur-creatief", "digitaal"], ["computer", "creatief"], [],
     freq="monthly", flexible=True, hpw=1.5, hps=3, lang="B1", remote=True, role=rid,
     allow="none", suit=["wheelchair"])
task("zuidwester", "bezorgen", "De wijkkrant bezorgen in je eigen straat",
     "Eens per maand breng je de krant rond in je eigen buurt, op een moment dat jou past. Een route "
     "is ongeveer 150 brievenbussen. Kinderen mogen mee.",
     ["buurt"], [], [],
     freq="monthly", flexible=True, hpw=0.5, hps=2, load="medium", lang="A2", role=rid,
     allow="none", onb=FIRST,
     suit=["with_children", "school_internship", "no_dutch_needed", "first_step"])
task("zuidwester", "redactievergadering", "Redactievergadering voorzitten",
     "Op de eerste maandagavond van de maand komt de redactie samen. Jij leidt het overleg: welke "
     "verhalen komen erin en wie doet wat? Je bewaakt ook de planning tot de krant af is.",
     ["organisatie-administratie", "cultuur-creatief"], ["leidinggeven", "organiseren"],
     ["leidinggeven"], slots=["mon-evening"], freq="monthly", hps=2, lang="B2", role=rid, ess=True,
     months=6, allow="expenses")
task("zuidwester", "social-media", "Social media van de wijkkrant",
     "Jij zet elke week de nieuwste berichten op Instagram en Facebook. Je reageert op vragen en "
     "deelt activiteiten uit de wijk. Vanuit huis.",
     ["digitaal", "buurt"], ["communicatie", "computer"], ["communicatie"],
     flexible=True, hpw=1.5, hps=0.5, lang="B1", remote=True, role=rid, allow="none",
     offers=["career", "social"])

# Speeltuin De Klimboom
task("klimboom", "veiligheid-speeltoestellen", "Veiligheid van nieuwe speeltoestellen controleren",
     "We bouwen zelf een klimrek en een tokkelbaan. Jij kijkt naar de tekeningen, de fundering en de "
     "verbindingen en controleert of alles veilig is. Geschikt voor een (gepensioneerd) "
     "bouwkundige, constructeur of tekenaar.",
     ["klussen-techniek", "jeugd"], ["technisch-tekenen", "klussen"], [],
     freq="occasional", flexible=True, hpw=0.5, hps=3, lang="B1", allow="expenses",
     offers=["values", "understanding", "enhancement"])
task("klimboom", "toezicht", "Toezicht in de speeltuin",
     "Op woensdag- of zaterdagmiddag hou je toezicht in de speeltuin. Je let op veiligheid, deelt "
     "speelgoed uit en sluit om vijf uur het hek. Je eigen kinderen spelen gewoon mee.",
     ["jeugd", "buurt"], ["kinderen-begeleiden"], ["eerste-hulp"],
     slots=["wed-afternoon", "sat-afternoon"], flexible=True, hpw=3, hps=3, lang="A2",
     onb=FIRST, req=["vog"], allow="none", suit=["first_step", "with_children"])
task("klimboom", "repareren-schilderen", "Speeltoestellen repareren en schilderen",
     "Om de week repareer je op zaterdagochtend wat kapot is: een schommel, een hek of het dak van "
     "het speelhuis. In het voorjaar schilderen we alles.",
     ["klussen-techniek", "jeugd"], ["klussen"], [],
     slots=["sat-morning"], freq="biweekly", hps=3, load="high", lang="A2", allow="none")
task("klimboom", "ijsjes-verkopen", "Limonade en ijsjes verkopen in het speelhuis",
     "Op zondagmiddag in de zomer verkoop je limonade, ijsjes en koffie. De opbrengst is voor nieuwe "
     "speeltoestellen. Leuk voor scholieren met een maatschappelijke stage.",
     ["jeugd", "eten-koken"], ["verkoop", "gastvrijheid"], [],
     slots=["sun-afternoon"], hps=3, lang="A2", start="2027-05-02", end="2027-09-26",
     allow="none", suit=["school_internship", "first_step"], onb=FIRST)
task("klimboom", "zomerfeest-2027", "Zomerfeest in de speeltuin",
     "Op zaterdag 12 juni 2027 is ons zomerfeest met een springkussen, schminken en een barbecue. Jij "
     "helpt bij een activiteit of achter de barbecue. Eén middag.",
     ["evenementen", "jeugd"], ["evenementen-organiseren", "kinderen-begeleiden"], [],
     slots=["sat-afternoon"], freq="once", hps=5, start="2027-06-12", end="2027-06-12",
     load="medium", lang="A2", allow="none", suit=["with_children", "school_internship"])

# --------------------------------------------------------------------------
# TASKS: Leyenburg
# --------------------------------------------------------------------------
rid = role("zeegras", "gastvrouw", "Gastvrouw/-heer hospice",
           "De gastvrouw of gastheer is het eerste gezicht van het hospice. Het werk is verdeeld in "
           "ontvangst, huiskamer, koken, administratie en weekenddiensten.")
task("zeegras", "ontvangst", "Ontvangst en telefoon in het hospice",
     "Je ontvangt familie en bezoekers, neemt de telefoon op en zet koffie. Je kiest een vaste "
     "middag in de week. Eerst loop je twee keer mee en volg je onze basiscursus van vier avonden.",
     ["zorg-welzijn"], ["gastvrijheid", "luisteren"], ["communicatie"],
     slots=["mon-afternoon", "tue-afternoon", "wed-afternoon", "thu-afternoon", "fri-afternoon"],
     flexible=True, hpw=3.5, hps=3.5, lang="B2", onb="ibtp", role=rid, ess=True, months=6,
     req=["vog"], work=["gastheer/gastvrouw"], allow="expenses",
     offers=["values", "protective"])
task("zeegras", "huiskamer-bloemen", "De huiskamer en de bloemen verzorgen",
     "Op woensdagochtend zorg je dat de huiskamer er mooi en rustig uitziet. Je schikt bloemen, "
     "ruimt op en zet verse koffie. Klein werk dat veel betekent.",
     ["zorg-welzijn"], ["creatief", "schoonmaken"], [],
     slots=["wed-morning"], hps=2, lang="B1", onb="ibp", role=rid, ess=True, req=["vog"],
     allow="expenses", suit=["first_step"])
task("zeegras", "koken-gasten", "Kook je graag? Avondeten voor gasten en familie",
     "Op donderdag kook je een eenvoudige avondmaaltijd voor de gasten en hun familie. Je vraagt "
     "vooraf wat iemand lekker vindt. Je volgt eerst de HACCP-training.",
     ["zorg-welzijn", "eten-koken"], ["koken"], [],
     slots=["thu-afternoon"], hps=3, load="medium", lang="B1", onb="ibt", role=rid,
     req=["haccp", "vog"],
     allow="expenses", offers=["values", "social"])
task("zeegras", "administratie", "Administratie: bezoekersregistratie en post",
     "Op vrijdagochtend verwerk je de post, houd je de bezoekerslijsten bij en bestel je "
     "kantoorspullen. Rustig werk achter de computer, in een bijzondere omgeving.",
     ["zorg-welzijn", "organisatie-administratie"], ["administratie", "computer"], [],
     slots=["fri-morning"], hps=1.5, lang="B2", onb="ibp", role=rid, req=["vog"],
     work=["administratief medewerker"], allow="expenses", suit=["wheelchair"],
     offers=["values", "career"])
task("zeegras", "zondagochtend", "Gastvrouw/-heer op zondagochtend",
     "Om de week ben je op zondagochtend in het hospice. Je zet ontbijt klaar, ontvangt bezoek en "
     "bent er voor een praatje. In het weekend is het extra fijn als er iemand is.",
     ["zorg-welzijn"], ["gastvrijheid", "luisteren"], [],
     slots=["sun-morning"], freq="biweekly", hps=3, lang="B1", onb="ibtp", role=rid,
     req=["vog"], allow="expenses")

task("zeegras", "zorgvrijwilliger", "Zorgvrijwilliger in het hospice (met duidelijk inwerkprogramma)",
     "Je helpt de verpleegkundige bij de zorg en bent er voor de gast en de familie. Eerst heb je een "
     "kennismakingsgesprek en loop je twee dagdelen mee, daarna volg je de basiscursus van vier "
     "avonden. Pas dan kies je of het bij je past, en elke zes weken praat je na met andere "
     "vrijwilligers.",
     ["zorg-welzijn"], ["verzorgen", "luisteren"], ["verzorgen"],
     slots=["mon-morning", "tue-afternoon", "wed-evening", "sat-morning"], flexible=True,
     hpw=4, hps=4, lang="B1", onb="ibtp", months=6, req=["vog"], allow="expenses",
     cert=True, suit=["first_step"], offers=["values", "protective", "understanding"])
task("zeegras", "waken", "Waken bij een stervende gast",
     "Soms wil een gast of de familie niet dat iemand alleen is in de laatste nacht. Dan waak jij, "
     "stil aanwezig. We bellen je als het nodig is. Je doet dit pas na de basiscursus en na een "
     "jaar ervaring.",
     ["zorg-welzijn"], ["luisteren", "verzorgen"], [],
     slots=["mon-evening", "tue-evening", "wed-evening", "thu-evening", "fri-evening",
            "sat-evening", "sun-evening"], on_call=True, freq="occasional", hpw=1, hps=6,
     lang="B2", onb="bt", months=12, req=["vog"], allow="expenses", offers=["values"])
task("zeegras", "tuin", "De tuin van het hospice bijhouden",
     "Om de week werk je op dinsdagochtend in de stille tuin. Gasten kijken er vanuit hun bed op uit. "
     "Je snoeit, wiedt en plant bloemen.",
     ["natuur-groen", "zorg-welzijn"], ["tuinieren"], [],
     slots=["tue-morning"], freq="biweekly", hps=2, load="medium", lang="A2", onb="ib",
     req=["vog"], allow="expenses", offers=["values", "protective"])
task("zeegras", "herdenkingsavond-2027", "Herdenkingsavond voor nabestaanden",
     "Op donderdag 4 november 2027 herdenken we alle gasten van het afgelopen jaar, samen met hun "
     "families. Jij ontvangt mensen, steekt kaarsjes aan en schenkt koffie. Eén avond.",
     ["zorg-welzijn", "evenementen"], ["gastvrijheid", "luisteren"], [],
     slots=["thu-evening"], freq="once", hps=3, start="2027-11-04", end="2027-11-04",
     lang="B1", onb="i", allow="none")

# Verpleeghuis Het Hoge Veld
task("hogeveld", "piano-zondag", "Piano spelen in het restaurant op zondag",
     "Om de week speel je op zondagmiddag piano in het restaurant. Bewoners en familie luisteren of "
     "zingen mee. Speel wat je zelf mooi vindt.",
     ["ouderen", "cultuur-creatief"], ["muziek"], [],
     slots=["sun-afternoon"], freq="biweekly", hps=1.5, lang="A2", allow="expenses",
     suit=["wheelchair", "no_dutch_needed"], offers=["enhancement", "social"])
task("hogeveld", "duofiets", "Fietsen met bewoners op de duofiets",
     "Op een duofiets zit je naast een bewoner en trap je samen. Jullie rijden door het Zuiderpark. "
     "Je krijgt eerst een fietsinstructie. Je kiest zelf het moment, als het droog is.",
     ["ouderen", "sport-bewegen", "zorg-welzijn"], ["luisteren"], [],
     slots=["mon-afternoon", "wed-morning", "fri-afternoon", "sat-afternoon"], flexible=True,
     hpw=1.5, hps=1.5, load="medium", lang="A2", onb="it", req=["vog"], allow="expenses",
     offers=["social", "protective"])
task("hogeveld", "verwenmiddag", "Verwenmiddag: handen en nagels verzorgen",
     "Om de week verzorg je op donderdagmiddag de handen en nagels van bewoners. Je lakt nagels en "
     "smeert handcrème. Het is een fijn moment van aandacht.",
     ["ouderen", "zorg-welzijn"], ["verzorgen", "luisteren"], [],
     slots=["thu-afternoon"], freq="biweekly", hps=2, lang="A2", req=["vog"], allow="expenses",
     suit=["low_dutch", "wheelchair"])
task("hogeveld", "begeleiden-therapie", "Revalidanten begeleiden naar de therapie",
     "Op dinsdagochtend breng je revalidanten van hun kamer naar de fysiotherapie en terug. Soms met "
     "een rolstoel. Je loopt veel en maakt veel praatjes.",
     ["zorg-welzijn"], ["luisteren"], [],
     slots=["tue-morning"], hps=3, load="medium", lang="B1", onb=FIRST, req=["vog"],
     allow="va", eur=1.75, suit=["first_step"], work=["helpende zorg"])
task("hogeveld", "vrijdagborrel", "Vrijdagborrel in het restaurant",
     "Op vrijdagmiddag schenk je een drankje en serveer je hapjes voor bewoners en familie. Je hebt "
     "het certificaat Sociale Hygiëne nodig of je haalt het via ons.",
     ["ouderen", "eten-koken"], ["gastvrijheid"], [],
     slots=["fri-afternoon"], hps=2, lang="B1", req=["sociale-hygiene"], allow="expenses",
     work=["medewerker horeca"])
task("hogeveld", "gespreksmaatje", "Gespreksmaatje voor een bewoner zonder familie",
     "Sommige bewoners krijgen nooit bezoek. Jij gaat een keer per week een uurtje bij iemand langs "
     "voor een praatje of een wandeling. Jullie spreken zelf een moment af.",
     ["ouderen", "zorg-welzijn"], ["luisteren"], [],
     flexible=True, hpw=1, hps=1, lang="B1", onb="ibp", months=6, req=["vog"], allow="expenses",
     offers=["values", "social"])

# Kindcentrum De Zandloper
task("zandloper", "schoolmoestuin", "Schoolmoestuin bijhouden met kinderen",
     "Op donderdagmiddag werk je met een groepje kinderen in de moestuin van school. Jullie zaaien, "
     "wieden en oogsten. Je hoeft geen tuinexpert te zijn.",
     ["natuur-groen", "jeugd"], ["tuinieren", "kinderen-begeleiden"], [],
     slots=["thu-afternoon"], hps=1.5, load="medium", lang="A2", req=["vog"], allow="none",
     suit=["with_children"], offers=["values", "protective"])
task("zandloper", "overblijven", "Overblijfouder in de middagpauze",
     "Op maandag, dinsdag en donderdag eet je tussen 12 en 13 uur mee met een groep. Daarna speel je "
     "buiten met de kinderen. Je krijgt een kleine vergoeding per uur en een cursus.",
     ["jeugd"], ["kinderen-begeleiden"], ["eerste-hulp"],
     slots=["mon-afternoon", "tue-afternoon", "thu-afternoon"], hps=1, lang="B1", onb="ibt",
     months=6, req=["vog"], allow="va", eur=4.50, suit=["with_children"])
task("zandloper", "voorlezen-eigen-taal", "Voorlezen aan peuters in je eigen taal",
     "Op vrijdagochtend lees je voor aan peuters die thuis Arabisch, Turks, Pools of Berbers spreken. "
     "Zo leren ze ook in hun eigen taal van boeken houden. Je hoeft geen Nederlands te spreken.",
     ["jeugd", "taal-leren"], ["voorlezen", "andere-talen"], [],
     slots=["fri-morning"], hps=1, lang="A2", req=["vog"], allow="none",
     suit=["no_dutch_needed", "low_dutch", "with_children"], offers=["values", "social"])
task("zandloper", "fietscontrole-2027", "Fietscontrole op het schoolplein",
     "Op woensdag 6 oktober 2027 controleren we de fietsen van groep 7 en 8. Jij kijkt naar "
     "verlichting, remmen en bel en doet kleine reparaties. Eén ochtend.",
     ["jeugd", "klussen-techniek"], ["fietsen-repareren"], [],
     slots=["wed-morning"], freq="once", hps=3, start="2027-10-06", end="2027-10-06",
     lang="A2", allow="none")
task("zandloper", "schoolontbijt-2027", "Helpen bij het schoolontbijt",
     "Op woensdag 3 november 2027 ontbijten alle klassen samen op school. Jij smeert broodjes, schenkt "
     "melk en ruimt op. Eén ochtend, ouders zijn welkom.",
     ["jeugd", "eten-koken", "evenementen"], ["koken", "gastvrijheid"], [],
     slots=["wed-morning"], freq="once", hps=3, start="2027-11-03", end="2027-11-03",
     lang="A2", allow="none", suit=["with_children", "first_step"], onb=FIRST)

# Seniorengym Lenig Leyenburg
task("lenig", "stoelgym", "Stoelgym begeleiden op maandag",
     "Op maandagochtend geef je een uur stoelgym aan 15 senioren. Je volgt eerst onze cursus "
     "'bewegen met ouderen' en krijgt daarna een certificaat.",
     ["sport-bewegen", "ouderen"], ["sport-begeleiden"], ["sport-begeleiden"],
     slots=["mon-morning"], hps=1.5, load="medium", lang="B1", onb="ibt", months=6, cert=True,
     allow="va", eur=3.50, offers=["social", "enhancement"])
task("lenig", "wandelcoach", "Wandelcoach voor 60-plussers",
     "Op woensdagochtend wandel je met een groep van tien een uur door Leyenburg. Je past het tempo "
     "aan op de langzaamste loper. Een EHBO-diploma is handig.",
     ["sport-bewegen", "ouderen"], ["sport-begeleiden", "eerste-hulp"], [],
     slots=["wed-morning"], hps=1.5, load="medium", lang="A2", allow="expenses")
task("lenig", "koffie-na-gym", "Koffie zetten na de gym",
     "Na de gym op donderdag zet jij koffie en thee en maak je een praatje. Een uurtje, samen met een "
     "vaste vrijwilliger. Makkelijk om mee te beginnen.",
     ["ouderen", "buurt"], ["gastvrijheid"], [],
     slots=["thu-morning"], hps=1, lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "wheelchair", "low_dutch"])
task("lenig", "dansmiddag", "Dansmiddag voor senioren organiseren",
     "Eens per maand is er op zondagmiddag een dansmiddag met muziek van vroeger. Jij regelt de "
     "muziek, zet de zaal klaar en verwelkomt de dansers.",
     ["ouderen", "evenementen", "cultuur-creatief"], ["evenementen-organiseren", "muziek"], [],
     slots=["sun-afternoon"], freq="monthly", hps=4, lang="B1", allow="expenses",
     offers=["social", "enhancement"])
task("lenig", "contributie", "Contributie en ledenlijst bijhouden",
     "Eens per maand controleer je wie betaald heeft en stuur je een vriendelijke herinnering. Je "
     "werkt thuis met een eenvoudige spreadsheet.",
     ["organisatie-administratie", "sport-bewegen"], ["excel", "administratie"], [],
     freq="monthly", flexible=True, hpw=0.5, hps=2, lang="B1", remote=True, allow="none")

# --------------------------------------------------------------------------
# TASKS: Zuiderpark
# --------------------------------------------------------------------------
rid = role("knorhoek", "dierenverzorger", "Dierenverzorger kinderboerderij",
           "De dieren hebben elke dag zorg nodig. Het werk is verdeeld in voeren, uitmesten, "
           "rondleiden, winkel en onderhoud, zodat je kunt kiezen wat bij je past.")
task("knorhoek", "voeren-zaterdag", "Dieren voeren op zaterdagochtend",
     "Op zaterdagochtend voer je de geiten, varkens en kippen. Je vult water bij en kijkt of alle "
     "dieren gezond zijn. Een vaste dierverzorger werkt je in.",
     ["natuur-groen"], ["dieren"], ["dieren"],
     slots=["sat-morning"], hps=2, load="medium", lang="A2", onb=FIRST, role=rid, ess=True,
     months=3, allow="none", suit=["first_step", "low_dutch"], offers=["protective", "social"])
task("knorhoek", "uitmesten", "Stallen uitmesten op dinsdag",
     "Op dinsdagochtend mest je met een collega de stallen uit en leg je vers stro. Zwaar werk, "
     "buiten en in de stal. Laarzen en werkkleding zijn er.",
     ["natuur-groen"], ["dieren", "schoonmaken"], [],
     slots=["tue-morning"], hps=3, load="high", lang="A2", role=rid, ess=True, allow="va",
     eur=1.50, cert=True, work=["dierverzorger"], suit=["no_dutch_needed"])
task("knorhoek", "rondleiding", "Rondleiding geven aan schoolklassen",
     "Om de week geef je op donderdagochtend een rondleiding aan een groep kinderen. Je vertelt over "
     "de dieren en laat ze een konijn aaien. Je hebt een VOG nodig.",
     ["natuur-groen", "jeugd"], ["kinderen-begeleiden", "dieren"], ["lesgeven"],
     slots=["thu-morning"], freq="biweekly", hps=2, lang="B1", role=rid, req=["vog"],
     allow="none")
task("knorhoek", "kiosk", "Winkeltje en kiosk op zondag",
     "Op zondagmiddag verkoop je koffie, ijs en diervoer aan bezoekers. Je houdt de kassa bij. Fijn "
     "voor scholieren die een maatschappelijke stage zoeken.",
     ["natuur-groen", "eten-koken"], ["verkoop", "gastvrijheid"], [],
     slots=["sun-afternoon"], hps=4, lang="A2", role=rid, allow="none",
     suit=["school_internship"])
task("knorhoek", "hokken-repareren", "Hokken en hekken repareren",
     "Eens per maand repareer je op zaterdagmiddag wat kapot is: een hek, een kippenhok of een "
     "voerbak. Je werkt buiten met hout en gaas.",
     ["natuur-groen", "klussen-techniek"], ["klussen"], [],
     slots=["sat-afternoon"], freq="monthly", hps=4, load="high", lang="A2", role=rid,
     allow="expenses")

task("knorhoek", "kinderen-bij-dieren", "Kinderen helpen bij het dieren knuffelen",
     "Op woensdagmiddag mogen kinderen in het geitenweitje. Jij let op dat het rustig blijft voor de "
     "dieren en vertelt wat ze wel en niet lusten. Je eigen kinderen mogen mee.",
     ["natuur-groen", "jeugd"], ["dieren", "kinderen-begeleiden"], [],
     slots=["wed-afternoon"], hps=2, lang="A2", req=["vog"], allow="none",
     suit=["with_children", "first_step"], onb=FIRST)
task("knorhoek", "zieke-dieren-weekend", "Zieke dieren verzorgen in het weekend",
     "Als een dier ziek is, heeft het ook in het weekend extra zorg nodig. Dan bellen we jou om medicijnen "
     "te geven of een wond te verzorgen. Je krijgt uitleg van de dierenarts.",
     ["natuur-groen"], ["dieren", "verzorgen"], [],
     slots=["sat-afternoon", "sun-morning"], on_call=True, freq="occasional", hpw=0.5, hps=1,
     lang="B1", onb="t", months=6, allow="expenses")
task("knorhoek", "schaapscheerdag-2027", "Schaapscheerdag op de kinderboerderij",
     "Op zaterdag 15 mei 2027 worden de schapen geschoren en is er een feest met spinnen en "
     "vilten. Jij helpt bij een kraam of bij de ingang. Eén dag.",
     ["evenementen", "natuur-groen"], ["evenementen-organiseren", "gastvrijheid"], [],
     slots=["sat-morning"], freq="once", hps=6, start="2027-05-15", end="2027-05-15",
     load="medium", lang="A2", allow="none", suit=["with_children", "school_internship"])

task("parklopers", "looptrainer", "Looptrainer voor beginners op dinsdagavond",
     "Op dinsdagavond train je een groep beginners die 5 kilometer willen leren lopen. Je volgt eerst "
     "een trainerscursus van de loopgroep. Daarna krijg je een certificaat.",
     ["sport-bewegen"], ["sport-begeleiden"], ["sport-begeleiden"],
     slots=["tue-evening"], hps=1.5, load="high", lang="B1", onb="ibt", months=6, cert=True,
     req=["ehbo"], allow="va", eur=3.00, offers=["social", "enhancement"])
task("parklopers", "wandelbuddy", "Wandelbuddy voor iemand die niet alleen gaat",
     "Sommige mensen willen graag wandelen, maar niet alleen. Jij wandelt een keer per week een uur "
     "met één persoon door het park. Jullie bepalen samen wanneer.",
     ["sport-bewegen", "zorg-welzijn"], ["luisteren"], [],
     flexible=True, hpw=1, hps=1, load="medium", lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "low_dutch"], offers=["social", "protective"])
task("parklopers", "achterhoede", "Begeleider van de achterhoede op zaterdag",
     "Op zaterdagochtend loop je achteraan bij de beginnersgroep. Je moedigt aan en zorgt dat niemand "
     "alleen achterblijft. Je hoeft zelf niet snel te zijn.",
     ["sport-bewegen"], ["sport-begeleiden", "luisteren"], [],
     slots=["sat-morning"], hps=1.5, load="medium", lang="A2", onb=FIRST, allow="none",
     suit=["first_step"])
task("parklopers", "parkloop-2027", "Parkloop Zuiderpark: route uitzetten en lopers begeleiden",
     "Op zaterdag 25 september 2027 is de Parkloop over 5 en 10 kilometer. Jij zet de route uit, "
     "staat bij een drankpost of deelt medailles uit. Eén ochtend.",
     ["sport-bewegen", "evenementen"], ["evenementen-organiseren"], [],
     slots=["sat-morning"], freq="once", hps=5, start="2027-09-25", end="2027-09-25",
     load="medium", lang="A2", allow="none", suit=["with_children", "school_internship"],
     offers=["social"])

# --------------------------------------------------------------------------
# TASKS: elsewhere in Den Haag
# --------------------------------------------------------------------------
task("tamarinde", "vrouwenochtend", "Gastvrouw bij de vrouwenochtend",
     "Op dinsdagochtend komen vrouwen uit de buurt samen voor koffie, gesprek en soms een workshop. "
     "Jij ontvangt ze en zorgt voor thee. Spreek je ook Arabisch, Turks of Tamazight? Dan helpt dat "
     "veel.",
     ["buurt", "zorg-welzijn"], ["gastvrijheid", "andere-talen"], ["nederlandse-taal"],
     slots=["tue-morning"], hps=2.5, lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "low_dutch", "with_children"], offers=["social", "protective"])
task("tamarinde", "subsidieaanvraag", "Subsidieaanvragen schrijven voor het buurthuis",
     "Twee keer per jaar vragen we geld aan bij fondsen en de gemeente. Jij schrijft de aanvraag "
     "samen met de coördinator. Je werkt thuis, op je eigen tijd.",
     ["organisatie-administratie", "buurt"], ["communicatie", "organiseren"], [],
     freq="occasional", flexible=True, hpw=0.5, hps=3, lang="C1", remote=True, allow="none",
     offers=["career", "understanding"])
task("tamarinde", "zaalvoetbal", "Zaalvoetbal met jongeren op vrijdagavond",
     "Op vrijdagavond huren we een gymzaal voor jongeren van 14 tot 18. Jij bent er samen met de "
     "jongerenwerker, fluit af en toe en bent een aanspreekpunt. Je hebt een VOG nodig.",
     ["jeugd", "sport-bewegen"], ["sport-begeleiden"], ["mediation"],
     slots=["fri-evening"], hps=2, load="high", lang="B1", onb="ib", months=6, req=["vog"],
     allow="expenses", offers=["values", "social"])
task("tamarinde", "buurtfeest-ramadan-2027", "Buurtfeest na de ramadan",
     "Op zaterdag 13 maart 2027 vieren we samen het einde van de ramadan, met eten uit vele keukens. "
     "Jij helpt met opbouwen, het buffet of het kinderprogramma. Eén middag en avond.",
     ["evenementen", "buurt", "eten-koken"], ["evenementen-organiseren", "gastvrijheid"], [],
     slots=["sat-afternoon"], freq="once", hps=6, start="2027-03-13", end="2027-03-13",
     load="medium", lang="A2", allow="none", suit=["with_children", "no_dutch_needed"])
task("tamarinde", "wereldkeuken", "Wereldkeuken: samen koken voor de vrijdaglunch",
     "Op vrijdagochtend koken drie vrijwilligers een lunch uit hun eigen land voor 30 buren. Vandaag "
     "Surinaams, volgende week Marokkaans. Je leert van elkaar en eet mee.",
     ["eten-koken", "buurt"], ["koken"], ["koken"],
     slots=["fri-morning"], hps=3, load="medium", lang="A2", req=["haccp"], allow="expenses",
     suit=["low_dutch"], offers=["social", "values"])
task("tamarinde", "bhv-avond", "BHV'er tijdens de avondactiviteiten",
     "Op maandag- of woensdagavond ben jij de bedrijfshulpverlener in het gebouw. Je weet wat je doet "
     "bij brand of een ongeluk. Wij betalen je BHV-cursus en de herhaling.",
     ["buurt", "zorg-welzijn"], ["eerste-hulp"], ["eerste-hulp"],
     slots=["mon-evening", "wed-evening"], flexible=True, hpw=3, hps=3, lang="B1", onb="it",
     req=["bhv"], cert=True, allow="va", eur=2.00)

task("vollepan", "leerplek-kok", "Leerwerkplek in de keuken: koken in een echt restaurant",
     "Twee middagen per week kook je mee in onze restaurantkeuken. Een beroepskok leert je snijden, "
     "bakken en werken volgens HACCP. Na zes maanden heb je een praktijkverklaring en werkervaring "
     "als kok.",
     ["eten-koken"], ["koken"], ["koken"],
     slots=["wed-afternoon", "thu-afternoon"], hps=4, load="medium", lang="A2", onb="ibtp",
     months=6, req=["haccp"], cert=True, work=["kok", "medewerker horeca"], allow="va", eur=1.50,
     suit=["first_step", "low_dutch"], offers=["career", "enhancement"])
task("vollepan", "gastheer-zaal", "Gastheer of gastvrouw in de zaal",
     "Op vrijdagavond heet jij de gasten welkom, wijst ze een tafel en vertelt wat er op het menu "
     "staat. Je houdt overzicht in een drukke zaal.",
     ["eten-koken", "buurt"], ["gastvrijheid"], ["gastvrijheid"],
     slots=["fri-evening"], hps=3, lang="B1", onb="ibt", months=3, cert=True,
     work=["gastheer/gastvrouw", "medewerker horeca"], allow="va", eur=2.00)
task("vollepan", "maaltijden-bezorgen", "Maaltijden bezorgen bij ouderen",
     "Op donderdagmiddag breng je warme maaltijden naar ouderen in Laak. Je rijdt met de "
     "elektrische bakfiets of je eigen auto. Je ziet meteen of het goed gaat met iemand.",
     ["vervoer", "ouderen", "eten-koken"], ["luisteren"], [],
     slots=["thu-afternoon"], hps=2, load="medium", lang="A2", allow="expenses",
     offers=["values", "social"])
task("vollepan", "afwas-zaterdag", "Afwassen op zaterdagavond",
     "Op zaterdagavond draai je de afwasmachine en houd je de keuken schoon. Het is druk en gezellig. "
     "Je hoeft geen Nederlands te spreken.",
     ["eten-koken"], ["schoonmaken"], [],
     slots=["sat-evening"], hps=3, load="high", lang="A2", allow="va", eur=1.50,
     suit=["no_dutch_needed"], work=["medewerker horeca"])
task("vollepan", "kookles-mannen", "Kookles 'Mannen aan de pan'",
     "Om de week geef je op maandagavond kookles aan mannen die nooit hebben leren koken. Je leert ze "
     "simpele, goedkope recepten. Kook je zelf graag? Dan ben je de juiste leraar.",
     ["eten-koken", "taal-leren"], ["koken", "lesgeven"], [],
     slots=["mon-evening"], freq="biweekly", hps=2.5, lang="B1", req=["haccp"], allow="expenses",
     offers=["social", "values"])

task("hofstemmen", "zingen", "Zingen in het buurtkoor",
     "Elke woensdagavond zingen we twee uur, van pop tot gospel. Je hoeft geen noten te kunnen lezen. "
     "Een paar keer per jaar zingen we in een verzorgingshuis.",
     ["cultuur-creatief", "buurt"], ["muziek"], ["muziek"],
     slots=["wed-evening"], hps=2, lang="A2", allow="none", suit=["low_dutch", "wheelchair"],
     offers=["social", "enhancement", "protective"])
task("hofstemmen", "optredens-regelen", "Optredens van het koor regelen",
     "Jij belt met verzorgingshuizen en buurthuizen en plant de optredens. Je regelt ook vervoer voor "
     "de koorleden. Dat doe je vanuit huis.",
     ["cultuur-creatief", "organisatie-administratie"], ["organiseren", "evenementen-organiseren"],
     [], freq="occasional", flexible=True, hpw=0.5, hps=1, lang="B1", remote=True,
     allow="none")
task("hofstemmen", "pianist", "Pianist die het koor begeleidt",
     "Op woensdagavond begeleid je het koor op de piano. Je krijgt de muziek een week van tevoren. "
     "Je krijgt een vrijwilligersvergoeding.",
     ["cultuur-creatief"], ["muziek"], [],
     slots=["wed-evening"], hps=2, lang="A2", months=6, allow="va", eur=5.00,
     suit=["wheelchair", "no_dutch_needed"])

task("wilgenkamp", "natuurlessen", "Natuurlessen geven aan schoolklassen",
     "Op dinsdagochtend komt een schoolklas naar de tuin. Jij laat ze waterdiertjes vangen of "
     "bladeren zoeken en vertelt erover. Je krijgt lesmateriaal en loopt eerst mee.",
     ["natuur-groen", "jeugd"], ["lesgeven", "kinderen-begeleiden"], ["lesgeven"],
     slots=["tue-morning"], hps=2.5, lang="B2", onb="ibt", req=["vog"], allow="expenses",
     offers=["values", "understanding"])
task("wilgenkamp", "vijver", "Vijver en sloot schoonhouden",
     "Eens per maand haal je op zaterdagochtend met een ploeg waterplanten en bladeren uit de vijver. "
     "Je werkt in lieslaarzen. Na afloop soep in de keet.",
     ["natuur-groen"], ["tuinieren"], [],
     slots=["sat-morning"], freq="monthly", hps=3, load="high", lang="A2", allow="none",
     suit=["no_dutch_needed"])
task("wilgenkamp", "nestkasten", "Nestkasten en een bijenhotel bouwen",
     "In de winter timmeren we nestkasten en bijenhotels. Je kiest zelf welke middag je komt. Ook "
     "leuk om met je kinderen te doen.",
     ["natuur-groen", "klussen-techniek"], ["klussen"], [],
     slots=["wed-afternoon", "sat-afternoon"], flexible=True, freq="occasional", hpw=0.5, hps=3,
     lang="A2", start="2026-11-01", end="2027-02-28", allow="none", suit=["with_children"])
task("wilgenkamp", "vlinders-tellen", "Vlinders en bloemen tellen",
     "Om de week loop je in de zomer een vaste route door de tuin en tel je vlinders en bloemen. Je "
     "zet de cijfers in een app. Je kiest zelf het moment, als de zon schijnt.",
     ["natuur-groen", "digitaal"], ["tuinieren", "computer"], [],
     freq="biweekly", flexible=True, hpw=0.5, hps=1, lang="B1", start="2027-04-01",
     end="2027-09-30", allow="none", suit=["wheelchair"])

task("ketting", "fietsenmaker", "Fietsenmaker in de werkplaats op donderdagavond",
     "Op donderdagavond help je bezoekers hun eigen fiets te repareren. Je laat zien hoe het moet, in "
     "plaats van het zelf te doen. Na een half jaar krijg je een verklaring van wat je kunt.",
     ["klussen-techniek", "vervoer"], ["fietsen-repareren", "lesgeven"], ["lesgeven"],
     slots=["thu-evening"], hps=3, load="medium", lang="A2", months=6, cert=True,
     work=["fietsenmaker"], allow="va", eur=2.00, offers=["understanding", "career"])
task("ketting", "fietsen-opknappen", "Oude fietsen opknappen voor nieuwkomers",
     "Op zaterdagochtend knap je gedoneerde fietsen op. Ze gaan naar nieuwkomers en gezinnen met "
     "weinig geld. Je leert veel van de andere sleutelaars.",
     ["klussen-techniek", "vervoer"], ["fietsen-repareren"], ["fietsen-repareren"],
     slots=["sat-morning"], hps=3, load="medium", lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "no_dutch_needed"])
task("ketting", "fietsles-volwassenen", "Fietsles voor volwassenen",
     "Veel vrouwen en mannen die hier later kwamen wonen, hebben nooit leren fietsen. Op "
     "maandagochtend geef jij ze les op een rustig plein. Je krijgt een korte instructie.",
     ["vervoer", "sport-bewegen"], ["sport-begeleiden", "lesgeven"], [],
     slots=["mon-morning"], hps=1.5, load="medium", lang="A2", onb="it", allow="none",
     suit=["low_dutch"], offers=["values", "social"])
task("ketting", "onderdelen-sorteren", "Onderdelen sorteren in de werkplaats",
     "Jij sorteert schroeven, remblokjes en lampjes in de juiste bakken. Zittend werk, aan een tafel. "
     "Je komt wanneer de werkplaats open is.",
     ["klussen-techniek"], ["magazijn"], [],
     slots=["thu-evening", "sat-morning"], flexible=True, hpw=1, hps=2, lang="A2", allow="none",
     suit=["wheelchair", "no_dutch_needed", "first_step"], onb=FIRST)

task("zandkorrel", "strand-zondag", "Strand opruimen op de eerste zondag van de maand",
     "Op de eerste zondagochtend van de maand lopen we twee uur langs de vloedlijn en rapen we "
     "plastic op. Daarna is er koffie in het strandpaviljoen. Kinderen zijn welkom.",
     ["natuur-groen"], ["schoonmaken"], [],
     slots=["sun-morning"], freq="monthly", hps=2, load="medium", lang="A2", allow="none",
     suit=["with_children", "no_dutch_needed", "first_step"], onb=FIRST,
     offers=["values", "social"])
task("zandkorrel", "afval-tellen", "Afval tellen voor onderzoek naar plastic",
     "Na elke opruimactie tel je wat we gevonden hebben, per soort. Jij zet de cijfers in een "
     "spreadsheet voor een universiteit. Dat doe je thuis.",
     ["natuur-groen", "organisatie-administratie"], ["excel"], [],
     freq="monthly", flexible=True, hpw=0.5, hps=2, lang="B1", remote=True, allow="none",
     offers=["understanding", "values"])
task("zandkorrel", "oud-en-nieuw-opruimen", "Strand opruimen na Oud en Nieuw",
     "Op zaterdag 2 januari 2027 ruimen we het vuurwerkafval van het strand op. Jij loopt een "
     "ochtend mee met een grijper. Erwtensoep na afloop.",
     ["natuur-groen", "evenementen"], ["schoonmaken"], [],
     slots=["sat-morning"], freq="once", hps=3, start="2027-01-02", end="2027-01-02",
     load="medium", lang="A2", allow="none", suit=["with_children", "school_internship"])

task("oosthulp", "klusjes-afroep", "Kleine klusjes bij buren op afroep",
     "Een buur belt voor een lamp, een gordijnroe of een lekkende kraan. Jij gaat langs als het jou "
     "uitkomt. Meestal een uurtje.",
     ["klussen-techniek", "buurt"], ["klussen"], [],
     on_call=True, freq="occasional", hpw=0.5, hps=1, lang="A2", allow="expenses")
task("oosthulp", "ritje-dokter", "Ritje naar de dokter met je eigen auto",
     "Je brengt een buur met je eigen auto naar de huisarts of het ziekenhuis. Je krijgt een "
     "kilometervergoeding. We vragen je alleen als het jou past.",
     ["vervoer", "zorg-welzijn"], ["autorijden"], [],
     on_call=True, freq="occasional", hpw=0.5, hps=2, lang="A2", allow="expenses")
task("oosthulp", "hulpvragen-coordineren", "Hulpvragen aannemen en doorzetten",
     "Op donderdagochtend neem je de hulplijn op. Je noteert de vraag en zoekt een vrijwilliger die "
     "kan helpen. De telefoon schakelt door naar je eigen huis.",
     ["buurt", "organisatie-administratie"], ["organiseren", "luisteren"], ["leidinggeven"],
     slots=["thu-morning"], hps=2, lang="B1", remote=True, onb="ib", allow="expenses",
     suit=["wheelchair"])
task("oosthulp", "samen-naar-de-markt", "Samen naar de markt op vrijdag",
     "Op vrijdagochtend loop je met een oudere buur naar de markt. Je helpt met de tassen en jullie "
     "drinken samen koffie. Een goede manier om te beginnen.",
     ["ouderen", "vervoer"], ["luisteren"], [],
     slots=["fri-morning"], hps=2, load="medium", lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "low_dutch"])

task("zilverdraad", "telefoonmaatje", "Telefoonmaatje voor een alleenstaande oudere",
     "Je belt twee keer per week een oudere die weinig mensen ziet. Gewoon een gesprek over het weer, "
     "de familie of het nieuws. Bellen doe je thuis, op vaste momenten.",
     ["ouderen"], ["luisteren"], [],
     slots=["mon-morning", "thu-morning"], hps=0.5, lang="B1", remote=True, onb="i",
     allow="none", suit=["wheelchair"], offers=["values", "social"])
task("zilverdraad", "bingo", "Bingomiddag leiden",
     "Om de week roep jij op woensdagmiddag de nummers af bij de bingo. Je regelt de prijzen en maakt "
     "er een feest van.",
     ["ouderen", "evenementen"], ["evenementen-organiseren", "gastvrijheid"], [],
     slots=["wed-afternoon"], freq="biweekly", hps=2.5, lang="A2", allow="expenses",
     suit=["wheelchair"])
task("zilverdraad", "computercursus", "Computercursus voor 55-plussers geven",
     "Op dinsdagochtend geef je een cursus van acht lessen over de computer en de tablet. Het "
     "lesmateriaal is er al. Je geeft les met z'n tweeën.",
     ["digitaal", "ouderen", "taal-leren"], ["computer", "lesgeven"], [],
     slots=["tue-morning"], hps=2, lang="B1", start="2027-01-12", end="2027-03-02",
     allow="expenses", offers=["values", "understanding"])
task("zilverdraad", "busreis", "Busreis naar de bollenvelden organiseren",
     "Eens per jaar gaan we met twee bussen op reis. Jij regelt de bus, de lunch en de lijst met "
     "deelnemers. Je gaat natuurlijk zelf ook mee.",
     ["ouderen", "evenementen", "organisatie-administratie"], ["organiseren"], [],
     freq="occasional", flexible=True, hpw=0.5, hps=3, lang="B1", allow="expenses",
     end="2027-04-30")

task("zwaluwen", "trainer-g-team", "Trainer van het G-team",
     "Op zaterdagochtend train je het G-team, spelers met een verstandelijke of lichamelijke "
     "beperking. Plezier staat voorop. Je krijgt hulp van een ervaren trainer.",
     ["sport-bewegen", "zorg-welzijn"], ["sport-begeleiden"], ["sport-begeleiden"],
     slots=["sat-morning"], hps=1.5, load="medium", lang="B1", onb="ibt", months=6, req=["vog"],
     allow="none", offers=["values", "social"])
task("zwaluwen", "kantine-zondag", "Kantinedienst op zondag",
     "Om de week sta je op zondagmiddag in de kantine. Je verkoopt koffie, tosti's en drankjes. Voor "
     "de bar heb je het certificaat Sociale Hygiëne nodig; de club regelt de cursus.",
     ["sport-bewegen", "eten-koken"], ["gastvrijheid", "verkoop"], [],
     slots=["sun-afternoon"], freq="biweekly", hps=4, load="medium", lang="B1",
     req=["sociale-hygiene"], cert=True, work=["medewerker horeca"], allow="none")
task("zwaluwen", "materiaal", "Materiaalbeheer: ballen, sticks en doeltjes",
     "Op zaterdagochtend deel je materiaal uit aan de teams en controleer je of alles terugkomt. Je "
     "houdt het materiaalhok op orde.",
     ["sport-bewegen"], ["magazijn", "organiseren"], [],
     slots=["sat-morning"], hps=2, load="medium", lang="A2", allow="none",
     suit=["school_internship"])
task("zwaluwen", "wedstrijdverslagen", "Wedstrijdverslagen en website",
     "Jij schrijft korte verslagen van de wedstrijden en zet ze met foto's op de website. Je werkt "
     "thuis, na het weekend.",
     ["sport-bewegen", "digitaal"], ["communicatie", "computer"], [],
     flexible=True, hpw=1, hps=1, lang="B1", remote=True, allow="none",
     suit=["school_internship", "wheelchair"])

task("veldzicht", "moestuinieren-zaterdag", "Moestuinieren op zaterdagochtend",
     "Elke zaterdagochtend werken we samen in de tuin. Je zaait, wiedt en oogst. Je neemt groente mee "
     "naar huis. Geen ervaring nodig.",
     ["natuur-groen", "buurt"], ["tuinieren"], ["tuinieren"],
     slots=["sat-morning"], hps=3, load="medium", lang="A2", onb=FIRST, allow="none",
     suit=["first_step", "with_children", "no_dutch_needed"], offers=["social", "protective"])
task("veldzicht", "kas-pomp", "Kas en waterpomp onderhouden",
     "Eens per maand controleer je de kas, de regentonnen en de waterpomp. Je repareert kleine "
     "dingen en meldt grotere problemen.",
     ["natuur-groen", "klussen-techniek"], ["klussen"], [],
     slots=["sat-afternoon"], freq="monthly", hps=2, load="medium", lang="A2", allow="expenses")
task("veldzicht", "kookworkshop-oogst", "Kookworkshop met de oogst uit de tuin",
     "Eens per maand kook je op donderdagavond met buren een gerecht van wat de tuin geeft. Jij "
     "bedenkt het recept en leidt de kookworkshop.",
     ["eten-koken", "natuur-groen"], ["koken", "lesgeven"], [],
     slots=["thu-evening"], freq="monthly", hps=3, lang="B1", start="2027-05-01",
     end="2027-10-31", allow="expenses")

task("overstap", "soep-uitdelen", "Soep koken en uitdelen in het inloophuis",
     "Op maandagmiddag kook je soep voor 40 gasten en deel je die uit. Je werkt met twee anderen. Je "
     "volgt de HACCP-training en een training omgaan met lastige situaties.",
     ["eten-koken", "zorg-welzijn"], ["koken", "gastvrijheid"], [],
     slots=["mon-afternoon"], hps=3, load="medium", lang="A2", onb="ibt", req=["haccp", "agressie"],
     allow="expenses", offers=["values", "protective"])
task("overstap", "gastheer-inloop", "Gastheer of gastvrouw van de avondinloop",
     "Op dinsdagavond ben je er voor de gasten van het inloophuis. Je schenkt koffie, luistert en "
     "houdt de sfeer rustig. Je volgt eerst de training omgaan met agressie.",
     ["zorg-welzijn", "buurt"], ["luisteren", "gastvrijheid"], ["mediation"],
     slots=["tue-evening"], hps=3, lang="B1", onb="ibtp", months=6, req=["agressie"],
     allow="va", eur=2.50, work=["gastheer/gastvrouw"])
task("overstap", "linnenkamer", "Linnenkamer: handdoeken en kleding klaarleggen",
     "Op woensdagochtend vouw je handdoeken, sorteer je gedoneerde kleding en vul je de kast bij de "
     "douches aan. Rustig werk achter de schermen.",
     ["zorg-welzijn"], ["magazijn", "schoonmaken"], [],
     slots=["wed-morning"], hps=2, lang="A2", allow="none", suit=["no_dutch_needed", "wheelchair"])
task("overstap", "meegaan-instanties", "Meegaan naar afspraken bij instanties",
     "Sommige gasten vinden het moeilijk om alleen naar de gemeente of een schuldhulpverlener te gaan. "
     "Jij gaat mee, luistert en helpt onthouden wat er is gezegd.",
     ["geld-armoede", "zorg-welzijn"], ["geldzaken", "luisteren"], [],
     on_call=True, freq="occasional", hpw=0.5, hps=2, lang="B2", onb="ib", months=6,
     allow="expenses")

task("vingerhoed", "naailes", "Naailes geven aan beginners",
     "Op woensdagochtend leer je vrouwen werken met de naaimachine. Eerst een kussen, daarna een rok. "
     "Je hoeft niet goed Nederlands te spreken, voordoen werkt het best.",
     ["cultuur-creatief"], ["creatief", "lesgeven"], [],
     slots=["wed-morning"], hps=2, lang="A2", allow="expenses", suit=["low_dutch", "with_children"],
     offers=["social", "enhancement"])
task("vingerhoed", "kleding-herstellen", "Kleding herstellen voor de kledingbank",
     "Jassen met een kapotte rits of broeken met een gat maak jij weer heel. Je werkt in het atelier "
     "op een moment dat jou past, of thuis met je eigen machine.",
     ["cultuur-creatief", "geld-armoede"], ["creatief"], [],
     flexible=True, hpw=2, hps=2, lang="A2", allow="none",
     suit=["no_dutch_needed", "wheelchair"])
task("vingerhoed", "modeshow-2027", "Modeshow van de buurt",
     "Op zaterdag 29 mei 2027 laten we zien wat we hebben gemaakt. Jij helpt achter de schermen, bij "
     "de muziek of bij de hapjes. Eén middag.",
     ["cultuur-creatief", "evenementen"], ["evenementen-organiseren", "creatief"], [],
     slots=["sat-afternoon"], freq="once", hps=5, start="2027-05-29", end="2027-05-29",
     lang="A2", allow="none", suit=["with_children"])

task("golfslag", "zwemles-assistent", "Assistent bij de zwemles op zaterdag",
     "Op zaterdagochtend help je de zwemleraar met een groepje kinderen in het ondiepe bad. Je hebt "
     "een VOG nodig en volgt bij ons de cursus reanimatie.",
     ["sport-bewegen", "jeugd"], ["sport-begeleiden", "kinderen-begeleiden"], ["eerste-hulp"],
     slots=["sat-morning"], hps=2, load="medium", lang="B1", onb="ibt", req=["vog", "reanimatie"],
     allow="none", suit=["school_internship"])
task("golfslag", "aquarobics", "Aquarobics voor senioren begeleiden",
     "Op donderdagochtend doe je voor aan de kant, terwijl de groep in het water beweegt. Muziek aan, "
     "en gaan. Een uur per week.",
     ["sport-bewegen", "ouderen"], ["sport-begeleiden", "muziek"], [],
     slots=["thu-morning"], hps=1, load="medium", lang="A2", allow="va", eur=3.00,
     req=["reanimatie"])
task("golfslag", "jury", "Jurylid bij zwemwedstrijden",
     "Eens per maand ben je op zondagochtend jurylid of tijdwaarnemer. Je krijgt een korte cursus. "
     "Goed als je nauwkeurig bent.",
     ["sport-bewegen", "evenementen"], ["administratie"], [],
     slots=["sun-morning"], freq="monthly", hps=4, lang="B1", onb="it", allow="none",
     suit=["wheelchair"])

task("boomklevers", "leiding-welpen", "Leiding bij de welpen op zaterdag",
     "Op zaterdagochtend speel je met twintig kinderen van 7 tot 11 jaar buiten. Je bedenkt spellen "
     "met het team en gaat in de zomer mee op kamp. Je krijgt een VOG en een leidingtraining.",
     ["jeugd", "natuur-groen"], ["kinderen-begeleiden", "evenementen-organiseren"],
     ["leidinggeven"], slots=["sat-morning"], hps=3, load="high", lang="B1", onb="ibtp",
     months=12, req=["vog", "ehbo"], cert=True, allow="none",
     offers=["social", "enhancement", "values"])
task("boomklevers", "kampkok-pinksteren", "Kookt voor 30 scouts: kampkok op het pinksterkamp",
     "Op zaterdag 15 mei 2027 kook je op het pinksterkamp een warme maaltijd voor dertig scouts en "
     "leiding. Je kookt in een grote kampkeuken met twee helpers.",
     ["jeugd", "eten-koken", "evenementen"], ["koken"], [],
     slots=["sat-afternoon"], freq="once", hps=6, start="2027-05-15", end="2027-05-15",
     load="medium", lang="A2", req=["haccp"], allow="expenses")
task("boomklevers", "clubhuis-opknappen", "Clubhuis opknappen",
     "Het clubhuis heeft een nieuw dak en verf nodig. Een paar zaterdagen per jaar klussen we met "
     "ouders. Je kiest zelf welke keer je komt.",
     ["klussen-techniek", "jeugd"], ["klussen"], [],
     slots=["sat-afternoon"], flexible=True, freq="occasional", hpw=0.25, hps=4, load="high",
     lang="A2", allow="none", suit=["with_children"])

task("hetveen", "taalmaatje-video", "Taalmaatje via videobellen",
     "Je oefent een keer per week een uur Nederlands met een nieuwkomer via videobellen. Jullie "
     "praten over het dagelijks leven. Je krijgt tips en oefenmateriaal.",
     ["taal-leren", "digitaal"], ["nederlandse-taal", "luisteren"], [],
     flexible=True, hpw=1, hps=1, lang="B2", remote=True, onb="it", months=6, allow="none",
     suit=["wheelchair"], offers=["values", "understanding"])
task("hetveen", "taalmaatje-buurt", "Taalmaatje in Leidschenveen",
     "Je spreekt een jaar lang elke week af met een nieuwkomer uit je buurt. Jullie gaan samen naar de "
     "markt, de bibliotheek of een koffiezaak. Praten is de beste les.",
     ["taal-leren", "buurt"], ["nederlandse-taal", "luisteren"], ["andere-talen"],
     flexible=True, hpw=1.5, hps=1.5, lang="B1", onb="ibt", months=12, allow="expenses",
     offers=["values", "social"])
task("hetveen", "koppelgesprekken", "Kennismakingsgesprekken voeren en maatjes koppelen",
     "Om de week voer je op dinsdagavond gesprekken met nieuwe taalmaatjes en deelnemers. Jij kijkt wie "
     "bij wie past. Je wordt ingewerkt door Priya.",
     ["taal-leren", "organisatie-administratie"], ["organiseren", "luisteren"], ["leidinggeven"],
     slots=["tue-evening"], freq="biweekly", hps=2.5, lang="C1", onb="ib", months=12,
     req=["coordineren"], allow="expenses")

task("warmejas", "kleding-sorteren", "Kleding sorteren in de loods",
     "Op maandagochtend sorteer je gedoneerde kleding op maat en seizoen. Je werkt in een team en "
     "leert werken in een magazijn. Na een half jaar krijg je een getuigschrift.",
     ["geld-armoede"], ["magazijn"], [],
     slots=["mon-morning"], hps=3, load="medium", lang="A2", onb=FIRST, cert=True,
     work=["magazijnmedewerker"], allow="va", eur=1.50,
     suit=["first_step", "no_dutch_needed"], offers=["career", "social"])
task("warmejas", "winkelhulp", "Winkelhulp op uitgiftedag",
     "Op donderdagmiddag help je gezinnen kleding uitzoeken. Je let op de regels, maar vooral op een "
     "vriendelijke ontvangst. Er mag niemand zich schamen.",
     ["geld-armoede", "buurt"], ["verkoop", "gastvrijheid"], [],
     slots=["thu-afternoon"], hps=3, lang="B1", allow="expenses", work=["winkelmedewerker"])
task("warmejas", "inzameling-bus", "Kleding inzamelen met de bestelbus",
     "Om de week rijd je op zaterdagochtend langs scholen en kerken om zakken kleding op te halen. "
     "Je hebt rijbewijs B nodig en volgt onze rijtraining.",
     ["geld-armoede", "vervoer"], ["autorijden", "magazijn"], [],
     slots=["sat-morning"], freq="biweekly", hps=3, load="high", lang="A2", onb="it",
     req=["rijvaardigheid"], work=["chauffeur"], allow="expenses")
task("warmejas", "winterjassenactie-2026", "Winterjassenactie: jassen uitdelen",
     "Op zaterdag 5 december 2026 delen we honderden winterjassen uit. Jij helpt bij het passen en "
     "het zoeken van de goede maat. Eén dag, of een deel van de dag.",
     ["geld-armoede", "evenementen"], ["gastvrijheid", "verkoop"], [],
     slots=["sat-morning"], freq="once", hps=4, start="2026-12-05", end="2026-12-05",
     lang="A2", allow="none", suit=["first_step", "with_children", "school_internship"],
     onb=FIRST)

task("duinhoeve", "begeleider-boerderij", "Begeleider op de zorgboerderij",
     "Op dinsdagochtend werk je samen met deelnemers met een beperking: in de stal, de tuin of de "
     "keuken. Jij helpt ze hun werk goed en veilig te doen. Je krijgt een inwerkprogramma.",
     ["zorg-welzijn", "natuur-groen"], ["verzorgen", "dieren", "tuinieren"], ["leidinggeven"],
     slots=["tue-morning"], hps=4, load="medium", lang="B1", onb="ibtp", months=6, req=["vog"],
     allow="va", eur=2.00, offers=["values", "protective"])
task("duinhoeve", "boerderijwinkel", "Boerderijwinkel op zaterdag",
     "Op zaterdagochtend verkoop je eieren, groente en jam uit eigen tuin. Je werkt samen met een "
     "deelnemer van de boerderij. Werkervaring als winkelmedewerker.",
     ["natuur-groen", "zorg-welzijn"], ["verkoop", "gastvrijheid"], [],
     slots=["sat-morning"], hps=3.5, lang="B1", req=["vog"], allow="expenses",
     work=["winkelmedewerker"])
task("duinhoeve", "paarden-poetsen", "Paarden poetsen met deelnemers",
     "Op donderdagmiddag poets je samen met deelnemers de paarden en de pony. Je leert hoe je met "
     "paarden omgaat. Rustig en fijn werk.",
     ["natuur-groen", "zorg-welzijn"], ["dieren"], ["dieren"],
     slots=["thu-afternoon"], hps=2, load="medium", lang="A2", req=["vog"], onb=FIRST,
     allow="expenses", suit=["first_step"])
task("duinhoeve", "chauffeur-deelnemers", "Chauffeur: deelnemers halen en brengen",
     "Op maandagochtend en vrijdagmiddag haal je deelnemers op in Loosduinen en Escamp en breng je "
     "ze weer terug. Je rijdt met het busje van de boerderij. Een rijtraining krijg je van ons.",
     ["vervoer", "zorg-welzijn"], ["autorijden"], [],
     slots=["mon-morning", "fri-afternoon"], hps=1, lang="B1", onb="it", req=["rijvaardigheid", "vog"],
     cert=True, work=["chauffeur"], allow="va", eur=2.00)

task("stoep", "kinderclub", "Kinderclub op woensdagmiddag",
     "Op woensdagmiddag knutselen, spelen en bakken we met kinderen uit de flat. Jij helpt bij een "
     "activiteit. Een VOG vragen wij gratis voor je aan.",
     ["jeugd", "buurt"], ["kinderen-begeleiden", "creatief"], [],
     slots=["wed-afternoon"], hps=2, lang="A2", onb=FIRST, req=["vog"], allow="none",
     suit=["first_step", "with_children"])
task("stoep", "lunch-vrijdag", "Koken voor de gezamenlijke lunch op vrijdag",
     "Op vrijdagochtend kook je een eenvoudige lunch voor 20 buren: soep, brood en een salade. "
     "Wat er op tafel komt, bepaal je samen met de andere koks.",
     ["eten-koken", "buurt"], ["koken"], [],
     slots=["fri-morning"], hps=3, load="medium", lang="A2", req=["haccp"], allow="expenses",
     offers=["social", "values"])
task("stoep", "ochtendkoffie", "Ochtendkoffie in de buurtkamer",
     "Elke doordeweekse ochtend is er koffie. Jij kiest één of twee ochtenden en zorgt dat de koffie "
     "klaarstaat en dat niemand alleen zit.",
     ["buurt", "ouderen"], ["gastvrijheid", "luisteren"], [],
     slots=["mon-morning", "tue-morning", "wed-morning", "thu-morning", "fri-morning"],
     flexible=True, hpw=2, hps=2, lang="A2", allow="none",
     suit=["wheelchair", "low_dutch", "first_step"], onb=FIRST)
task("stoep", "bakles-ouder-kind", "Bakles voor ouders en kinderen",
     "Eens per maand bak je op zaterdagmiddag met ouders en kinderen koekjes, brood of taart. Jij "
     "zorgt voor het recept en de boodschappen, wij betalen.",
     ["eten-koken", "jeugd"], ["koken", "lesgeven"], [],
     slots=["sat-afternoon"], freq="monthly", hps=3, lang="A2", req=["vog"], allow="expenses",
     suit=["with_children"])

task("muisklik", "hulp-aan-huis", "Computerhulp aan huis",
     "Je gaat bij bewoners thuis langs om te helpen met de laptop, printer of telefoon. Jullie spreken "
     "zelf een moment af. Meestal een uur per bezoek.",
     ["digitaal", "ouderen"], ["computer", "lesgeven"], [],
     flexible=True, hpw=1, hps=1, lang="B1", onb="it", allow="expenses",
     offers=["values", "understanding"])
task("muisklik", "inloopspreekuur", "Inloopspreekuur op woensdagavond",
     "Op woensdagavond kan iedereen binnenlopen met een vraag over computer of telefoon. Jij helpt "
     "met installeren, instellen en uitleggen. Handig voor mensen die overdag werken.",
     ["digitaal"], ["computer"], [],
     slots=["wed-evening"], hps=2, lang="B1", allow="expenses", suit=["wheelchair"])
task("muisklik", "laptops-opknappen", "Oude laptops opknappen voor gezinnen",
     "Bedrijven geven ons oude laptops. Jij wist de gegevens, installeert alles opnieuw en test of ze "
     "werken. Ze gaan naar gezinnen met schoolgaande kinderen.",
     ["digitaal", "klussen-techniek", "geld-armoede"], ["computer"], [],
     slots=["tue-afternoon", "thu-afternoon"], flexible=True, hpw=2, hps=2, lang="A2",
     allow="expenses", suit=["no_dutch_needed", "wheelchair"], cert=True,
     work=["medewerker ict-servicedesk"])
task("muisklik", "cursus-telefoon", "Cursus 'Werken met je telefoon' geven",
     "Om de week geef je op vrijdagochtend een les over de smartphone: foto's maken, WhatsApp, "
     "DigiD-app. Maximaal zes cursisten.",
     ["digitaal", "taal-leren"], ["computer", "lesgeven"], ["lesgeven"],
     slots=["fri-morning"], freq="biweekly", hps=2, lang="B1", allow="expenses")
task("muisklik", "website-bouwen", "Nieuwe website van De Muisklik bouwen",
     "Onze website is oud. Jij bouwt een nieuwe, eenvoudige site met een gratis websitebouwer. Je "
     "werkt thuis en overlegt een keer per maand met Farid.",
     ["digitaal"], ["computer", "communicatie"], [],
     freq="occasional", flexible=True, hpw=1, hps=2, lang="B1", remote=True, end="2027-06-30",
     allow="none", offers=["career", "enhancement"])


# `offers` chosen by hand for more listings (the rest fall back to their categories' offers),
# so that roughly half of the tasks state what they give.
EXTRA_OFFERS = {
    "handenwerk-trappenhuizen": ["career", "protective"],
    "handenwerk-groenafval-rijden": ["career"],
    "gaarde-groente-snijden": ["social", "protective"],
    "gaarde-afwas": ["social"],
    "schroef-ontvangst": ["social", "career"],
    "oranjedreven-scheidsrechter-jeugd": ["enhancement", "social"],
    "oranjedreven-wedstrijdsecretariaat": ["career", "social"],
    "vlierboom-spelletjes-handwerk": ["values", "social"],
    "vlierboom-familie-zondag": ["social"],
    "zandpad-voorlezen-groep3": ["values"],
    "kroon-openen": ["values", "social"],
    "kroon-buren-bellen": ["values", "social"],
    "voedselhulp-koffiehoek": ["values", "social", "protective"],
    "voedselhulp-ontvangst-klanten": ["values", "career"],
    "voedselhulp-rit-magazijn": ["values", "career"],
    "woordenkast-oefenmateriaal": ["values", "understanding"],
    "woordenkast-leesclub": ["social", "understanding"],
    "woordenkast-folders-vertalen": ["values", "career"],
    "papierwerk-post-sorteren": ["career", "protective"],
    "papierwerk-spreekuur-digid": ["values", "understanding"],
    "tweederonde-ophaaldienst": ["career", "social"],
    "tweederonde-etalage": ["enhancement"],
    "steuntje-respijt-middag": ["values", "protective"],
    "steuntje-mantelzorgcafe": ["social", "values"],
    "bladwijzer-smartphone-uitleg": ["values", "social"],
    "boodschappenbus-bijrijder": ["social", "values"],
    "boodschappenbus-ritten-plannen": ["career", "understanding"],
    "waterpas-aansturen-locatie": ["enhancement", "career"],
    "waterpas-schilderklussen": ["values", "enhancement"],
    "kleinestap-leesmaatje": ["values", "social"],
    "kleinestap-online-huiswerkhulp": ["values", "understanding"],
    "zuidwester-fotograaf": ["enhancement", "career"],
    "zuidwester-redactievergadering": ["career", "enhancement"],
    "klimboom-toezicht": ["social", "values"],
    "zeegras-zondagochtend": ["values", "social"],
    "hogeveld-begeleiden-therapie": ["career", "values"],
    "lenig-koffie-na-gym": ["social"],
    "knorhoek-uitmesten": ["protective", "career"],
    "oosthulp-samen-naar-de-markt": ["social", "values"],
    "zilverdraad-bingo": ["social"],
    "overstap-meegaan-instanties": ["values", "understanding"],
    "golfslag-zwemles-assistent": ["social", "career"],
    "duinhoeve-chauffeur-deelnemers": ["career", "values"],
    "stoep-ochtendkoffie": ["social", "protective"],
    "muisklik-laptops-opknappen": ["career", "understanding"],
}
for _t in TASKS:
    if _t["id"] in EXTRA_OFFERS:
        assert "offers" not in _t, _t["id"]
        # keep the contract's key order: offers comes before role_id/essential
        _rid, _ess = _t.pop("role_id"), _t.pop("essential")
        _t["offers"] = EXTRA_OFFERS.pop(_t["id"])
        _t["role_id"], _t["essential"] = _rid, _ess
assert not EXTRA_OFFERS, EXTRA_OFFERS

# --------------------------------------------------------------------------
# TRAININGS
# --------------------------------------------------------------------------
TRAININGS = []
DHD = "Den Haag Doet Academie"  # real programme name, used as a provider label only


def last_sunday(year, month):
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def offset(date):
    """Europe/Amsterdam UTC offset for a local date (CEST between the last Sundays of March and October)."""
    y = date.year
    return "+02:00" if last_sunday(y, 3) <= date < last_sunday(y, 10) else "+01:00"


def part_of_day(hhmm):
    h = int(hhmm.split(":")[0])
    return "morning" if h < 12 else ("afternoon" if h < 18 else "evening")


def training(tid, title, desc, provider, topics, skills, *, where, sessions=(), slots=None,
             duration=None, cert=True, cost=0, lang="B1", contact=("Lotte Visser", "lotte")):
    sess = []
    hours = 0.0
    derived = []
    for day, a, b in sessions:
        d = dt.date.fromisoformat(day)
        off = offset(d)
        sess.append({"start": "%sT%s:00%s" % (day, a, off), "end": "%sT%s:00%s" % (day, b, off)})
        ha, ma = map(int, a.split(":"))
        hb, mb = map(int, b.split(":"))
        hours += (hb * 60 + mb - ha * 60 - ma) / 60.0
        s = "%s-%s" % (DAYS[d.weekday()], part_of_day(a))
        if s not in derived:
            derived.append(s)
    if slots is None:
        slots = derived
    if duration is None:
        duration = round(hours, 2)
    t = {"id": tid, "title": title, "description": desc, "provider": provider,
         "topics": list(topics), "skills": list(skills), "certificate": cert, "cost_eur": cost}
    if where is None:
        t["online"] = True
    else:
        o = ORG[where]
        lat, lon = jitter(o["rec"]["location"]["lat"], o["rec"]["location"]["lon"],
                          "training:" + tid, 60)
        t["location"] = {"wijk": o["rec"]["wijk"], "postcode": o["pc4"], "lat": lat, "lon": lon}
        t["online"] = False
    t["sessions"] = sess
    t["schedule"] = {"slots": list(slots)}
    t["duration_hours"] = duration
    t["language_level"] = lang
    t["contact"] = {"name": contact[0], "email": "%s@example.org" % contact[1]}
    TRAININGS.append(t)


ACAD = ("Sanne Kuipers", "sanne.academie")

# EHBO / reanimatie / BHV
training("ehbo-basis-moerwijk", "EHBO basis",
         "In twee middagen leer je wat je doet bij een wond, een brandwond, een val of een "
         "flauwte. Je oefent ook reanimeren met een pop. Je krijgt een officieel EHBO-certificaat.",
         DHD, ["ehbo", "reanimatie"], ["eerste-hulp"], where="kroon",
         sessions=[("2027-01-14", "13:00", "17:00"), ("2027-01-21", "13:00", "17:00")],
         contact=ACAD)
training("ehbo-kinderen-bouwlust", "EHBO bij kinderen",
         "Voor vrijwilligers die met kinderen werken: wat doe je bij een bloedneus, een gebroken "
         "arm of verslikken? Eén avond, veel oefenen.",
         "EHBO-vereniging De Pleister", ["ehbo"], ["eerste-hulp", "kinderen-begeleiden"],
         where="zandpad", sessions=[("2027-02-09", "19:00", "22:00")],
         contact=("Johan Brouwer", "johan.depleister"))
training("ehbo-opfris-transvaal", "EHBO opfrisavond",
         "Heb je al een EHBO-diploma? Op deze avond fris je je kennis op en blijft je diploma "
         "geldig. Koffie en thee staan klaar.",
         "EHBO-vereniging De Pleister", ["ehbo"], ["eerste-hulp"], where="tamarinde",
         sessions=[("2027-03-16", "19:30", "22:00")], cost=10,
         contact=("Johan Brouwer", "johan.depleister"))
training("ehbo-sport-zuiderpark", "EHBO bij sport en bewegen",
         "Wat doe je bij een verstuikte enkel, kramp of oververhitting? Speciaal voor trainers en "
         "begeleiders van sport- en wandelgroepen.",
         "Loopgroep Zuiderpark Lopers", ["ehbo"], ["eerste-hulp", "sport-begeleiden"],
         where="parklopers", sessions=[("2027-04-10", "09:30", "13:00")],
         contact=("Dewi Sastro", "dewi.parklopers"))
training("reanimatie-aed-vrederust", "Reanimatie en AED",
         "In één avond leer je reanimeren en een AED gebruiken. Daarna kun je je aanmelden als "
         "burgerhulpverlener in je buurt.",
         DHD, ["reanimatie"], ["eerste-hulp"], where="zichten",
         sessions=[("2027-03-03", "19:00", "22:00")], contact=ACAD)
training("aed-morgenstond", "AED-training voor buurtbewoners",
         "Er hangt een AED in de bibliotheek. Weet jij hoe hij werkt? In deze korte training oefen "
         "je met de AED en leer je bellen met 112.",
         "Bibliotheek De Bladwijzer", ["reanimatie"], ["eerste-hulp"], where="bladwijzer",
         sessions=[("2027-05-19", "10:00", "12:30")], lang="A2",
         contact=("Lotte Visser", "lotte.bladwijzer"))
training("reanimatie-zwembad", "Reanimatie voor zwembadvrijwilligers",
         "Reanimatie en eerste hulp aan de rand van het zwembad. Verplicht voor assistenten bij de "
         "zwemles, gratis voor leden en vrijwilligers.",
         "Zwemvereniging De Golfslag", ["reanimatie", "ehbo"], ["eerste-hulp"], where="golfslag",
         sessions=[("2027-09-11", "09:00", "12:00")],
         contact=("Chantal Verkerk", "chantal.golfslag"))
training("bhv-basis-bouwlust", "BHV basis in twee dagen",
         "Je leert een brand blussen, een gebouw ontruimen en eerste hulp geven. Na twee dagen ben je "
         "bedrijfshulpverlener met een landelijk erkend certificaat. Handig voor je cv.",
         "Wijkbedrijf Handenwerk", ["bhv", "ehbo"], ["eerste-hulp"], where="handenwerk",
         sessions=[("2027-02-16", "09:00", "16:00"), ("2027-02-23", "09:00", "16:00")],
         contact=("Ronald Verhoef", "ronald.handenwerk"))
training("bhv-herhaling-transvaal", "BHV herhaling",
         "Eén dag om je BHV-diploma te verlengen. We oefenen een ontruiming in het buurthuis en "
         "blussen een echte brand buiten.",
         "Buurthuis De Tamarinde", ["bhv"], ["eerste-hulp"], where="tamarinde",
         sessions=[("2027-10-05", "09:00", "15:00")], cost=15,
         contact=("Rachida Benali", "rachida.tamarinde"))

# HACCP
training("hygiene-keuken-gaarde", "Hygiëne in de keuken (HACCP)",
         "Hoe werk je schoon en veilig met eten? Je leert over temperaturen, handen wassen en "
         "allergenen. Na afloop krijg je een certificaat Hygiënecode.",
         "Kookcafé De Gaarde", ["haccp"], ["koken"], where="gaarde",
         sessions=[("2027-01-25", "14:00", "17:00")], lang="A2",
         contact=("Naima El Idrissi", "naima.gaarde"))
training("haccp-online", "HACCP online: veilig werken met voedsel",
         "Een online cursus die je thuis volgt, in je eigen tempo. Elke dinsdagavond kun je vragen "
         "stellen aan een docent via videobellen. Met toets en certificaat.",
         DHD, ["haccp"], ["koken"], where=None, slots=["tue-evening"], duration=4,
         cost=0, contact=ACAD)
training("haccp-voedselhulp", "Voedselveiligheid bij de voedselhulp",
         "Wat mag je wel en niet uitdelen? Hoe lang is iets houdbaar? Voor vrijwilligers in het "
         "magazijn en bij de uitgifte.",
         "Voedselhulp Zuidwest", ["haccp"], ["magazijn"], where="voedselhulp",
         sessions=[("2027-04-07", "13:30", "16:00")], lang="A2",
         contact=("Henk van Dam", "henk.voedselhulp"))

# Gastvrijheid
training("gastvrij-ontvangen-moerwijk", "Gastvrij ontvangen",
         "Hoe zorg je dat iedereen zich welkom voelt in de buurtkamer of het buurthuis? Met "
         "oefeningen over begroeten, luisteren en doorverwijzen.",
         DHD, ["gastvrijheid", "communicatie"], ["gastvrijheid"], where="kroon",
         sessions=[("2027-02-04", "13:30", "16:30")], lang="A2", contact=ACAD)
training("horeca-basis-laak", "Horeca basis: bediening en gastheerschap",
         "Vier ochtenden praktijk in een echt restaurant: tafels dekken, bestellingen opnemen, "
         "afrekenen. Je krijgt een praktijkverklaring die je kunt gebruiken bij solliciteren.",
         "Eethuis De Volle Pan", ["gastvrijheid"], ["gastvrijheid", "verkoop"], where="vollepan",
         sessions=[("2027-03-08", "09:30", "12:30"), ("2027-03-15", "09:30", "12:30"),
                   ("2027-03-22", "09:30", "12:30"), ("2027-03-29", "09:30", "12:30")],
         contact=("Marco Rossi", "marco.vollepan"))
training("gastvrij-hospice", "Gastvrouw of gastheer in het hospice",
         "Hoe ontvang je familie in een verdrietige tijd? Wat zeg je wel en niet? Drie avonden "
         "voor nieuwe gastvrouwen en gastheren van het hospice.",
         "Hospice Het Zeegras", ["gastvrijheid", "communicatie"], ["gastvrijheid", "luisteren"],
         where="zeegras", sessions=[("2027-01-19", "19:00", "21:30"),
                                    ("2027-01-26", "19:00", "21:30"),
                                    ("2027-02-02", "19:00", "21:30")],
         lang="B2", contact=("Anouk Verbeek", "anouk.zeegras"))

# Agressie
training("agressie-moerwijk", "Omgaan met agressie",
         "Wat doe je als iemand boos wordt aan de balie of bij de uitgifte? Je leert signalen "
         "herkennen, rustig blijven en de situatie kalmeren. Met een trainingsacteur.",
         DHD, ["agressie"], ["luisteren", "mediation"], where="voedselhulp",
         sessions=[("2027-03-10", "13:00", "17:00")], contact=ACAD)
training("lastige-situaties-stationsbuurt", "Lastige situaties in het inloophuis",
         "Voor vrijwilligers in de inloop: omgaan met verward gedrag, verslaving en spanning. Twee "
         "middagen met veel oefenen.",
         "Inloophuis De Overstap", ["agressie", "communicatie"], ["luisteren"], where="overstap",
         sessions=[("2027-05-11", "13:30", "16:30"), ("2027-05-18", "13:30", "16:30")],
         contact=("Hamid Tahiri", "hamid.overstap"))
training("buurtbemiddeling-basis", "Basistraining buurtbemiddeling",
         "In vijf dagdelen leer je gesprekken leiden tussen buren met ruzie. Je oefent met "
         "rollenspellen. Na afloop krijg je het certificaat buurtbemiddelaar.",
         "Buurtbemiddeling Vrede in de Straat", ["communicatie", "agressie"], ["mediation", "luisteren"],
         where="vredestraat",
         sessions=[("2027-09-06", "18:30", "21:30"), ("2027-09-13", "18:30", "21:30"),
                   ("2027-09-20", "18:30", "21:30"), ("2027-09-27", "18:30", "21:30"),
                   ("2027-10-04", "18:30", "21:30")],
         lang="B2", contact=("Kofi Mensah", "kofi.vredestraat"))

# Communicatie / samenwerken / projectmatig werken
training("luisteren-doorvragen", "Goed luisteren en doorvragen",
         "Hoe hoor je wat iemand echt nodig heeft? In deze workshop oefen je met luisteren, "
         "samenvatten en doorvragen. Voor maatjes en bezoekvrijwilligers.",
         "Mantelzorgpunt Het Steuntje", ["communicatie"], ["luisteren"], where="steuntje",
         sessions=[("2027-02-11", "10:00", "12:30")], contact=("Yvonne Hoekstra", "yvonne.steuntje"))
training("eenvoudige-taal-online", "Schrijven in eenvoudige taal",
         "Drie online lessen over korte zinnen, gewone woorden en een duidelijke opbouw. Voor "
         "iedereen die folders, nieuwsbrieven of berichten schrijft.",
         "Wijkkrant De Zuidwester", ["communicatie", "taal"], ["communicatie", "nederlandse-taal"],
         where=None, sessions=[("2027-04-13", "19:30", "21:00"), ("2027-04-20", "19:30", "21:00"),
                               ("2027-04-27", "19:30", "21:00")],
         lang="B2", contact=("Demet Arslan", "demet.zuidwester"))
training("feedback-bibliotheek", "Feedback geven en ontvangen",
         "Een compliment geven is makkelijk, kritiek geven niet. In deze workshop oefen je hoe je "
         "het allebei vriendelijk en duidelijk doet.",
         "Bibliotheek De Bladwijzer", ["communicatie", "samenwerken"], ["communicatie"],
         where="bladwijzer", sessions=[("2027-06-09", "13:30", "16:00")],
         contact=("Lotte Visser", "lotte.bladwijzer"))
training("samenwerken-team-morgenstond", "Samenwerken in een vrijwilligersteam",
         "Hoe maak je goede afspraken? Wat doe je als het schuurt? Een praktische middag voor "
         "vrijwilligers die in een ploeg werken.",
         DHD, ["samenwerken"], ["organiseren"], where="waterpas",
         sessions=[("2027-03-24", "13:30", "16:30")], contact=ACAD)
training("samen-sterk-transvaal", "Samen sterk: werken in een gemengde groep",
         "In onze teams werken mensen uit veel landen samen. Je leert over verschillen in gewoontes "
         "en hoe je elkaar goed begrijpt.",
         "Buurthuis De Tamarinde", ["samenwerken", "communicatie"], ["communicatie"],
         where="tamarinde", sessions=[("2027-10-12", "10:00", "12:30")], lang="A2",
         contact=("Rachida Benali", "rachida.tamarinde"))
training("buurtactiviteit-als-project", "Een buurtactiviteit organiseren als project",
         "Van idee tot feest: je maakt een planning, een begroting en een takenlijst. Je gaat naar "
         "huis met een plan voor je eigen activiteit.",
         DHD, ["projectmatig-werken"], ["organiseren", "evenementen-organiseren"], where="zichten",
         sessions=[("2027-02-17", "19:00", "21:30"), ("2027-02-24", "19:00", "21:30")],
         contact=ACAD)
training("projectplan-online", "Projectplan schrijven voor je buurtinitiatief",
         "Vier online avonden over doelen, planning en geld aanvragen bij fondsen. Je werkt aan je "
         "eigen plan en krijgt feedback.",
         DHD, ["projectmatig-werken", "communicatie"], ["organiseren", "communicatie"], where=None,
         sessions=[("2027-05-10", "19:30", "21:00"), ("2027-05-17", "19:30", "21:00"),
                   ("2027-05-24", "19:30", "21:00"), ("2027-05-31", "19:30", "21:00")],
         lang="B2", contact=ACAD)

# Excel / computer
training("excel-beginners-bladwijzer", "Excel voor beginners",
         "In vier lessen leer je tabellen maken, optellen en een lijst sorteren. Handig voor "
         "administratie bij je vrijwilligerswerk en voor je cv.",
         "Bibliotheek De Bladwijzer", ["excel"], ["excel", "computer"], where="bladwijzer",
         sessions=[("2027-01-11", "09:30", "11:30"), ("2027-01-18", "09:30", "11:30"),
                   ("2027-01-25", "09:30", "11:30"), ("2027-02-01", "09:30", "11:30")],
         contact=("Lotte Visser", "lotte.bladwijzer"))
training("excel-ledenadministratie-online", "Excel voor de ledenadministratie",
         "Online cursus voor penningmeesters en ledenadministrateurs van clubs. Je leert filters, "
         "formules en een contributielijst maken.",
         DHD, ["excel"], ["excel", "administratie"], where=None,
         sessions=[("2027-09-14", "19:30", "21:00"), ("2027-09-21", "19:30", "21:00")],
         contact=ACAD)
training("excel-vervolg-hoornwijk", "Excel vervolg",
         "Elke woensdagavond oefen je in het computerlokaal met grafieken en draaitabellen. Je "
         "werkt aan je eigen opdrachten en een vrijwilliger helpt je.",
         "Computerhulp De Muisklik", ["excel"], ["excel"], where="muisklik",
         slots=["wed-evening"], duration=12, cost=15,
         contact=("Farid Chaouch", "farid.muisklik"))
training("klik-tik-bladwijzer", "Klik & Tik: beginnen met de computer",
         "Elke dinsdagochtend oefen je in de bibliotheek met muis, toetsenbord, e-mail en internet. "
         "Je begint wanneer je wilt en gaat in je eigen tempo.",
         "Bibliotheek De Bladwijzer", ["computer-basis"], ["computer"], where="bladwijzer",
         slots=["tue-morning"], duration=16, lang="A2",
         contact=("Lotte Visser", "lotte.bladwijzer"))
training("digid-hoornwijk", "DigiD en de overheid online",
         "Je leert inloggen met DigiD, je post van de Belastingdienst lezen en een toeslag "
         "aanvragen. Twee ochtenden met veel oefenen.",
         "Computerhulp De Muisklik", ["computer-basis"], ["computer", "geldzaken"], where="muisklik",
         sessions=[("2027-03-04", "10:00", "12:00"), ("2027-03-11", "10:00", "12:00")], lang="A2",
         contact=("Farid Chaouch", "farid.muisklik"))
training("digitaal-helpen", "Digitaal helpen: training voor Digicafé-vrijwilligers",
         "Hoe help je iemand met de computer zonder het over te nemen? Je leert uitleggen in "
         "kleine stappen en omgaan met privacy.",
         "Bibliotheek De Bladwijzer", ["computer-basis", "communicatie"], ["computer", "lesgeven"],
         where="bladwijzer", sessions=[("2027-09-08", "13:30", "16:30")],
         contact=("Lotte Visser", "lotte.bladwijzer"))

# Taal
training("nederlands-oefenen-woordenkast", "Nederlands oefenen in de praktijk",
         "Elke maandag- en woensdagochtend oefen je Nederlands in kleine groepjes. We praten over "
         "werk, de buurt en vrijwilligerswerk. Voor mensen met taalniveau A1 of A2.",
         "Taalhuis De Woordenkast", ["taal"], ["nederlandse-taal"], where="woordenkast",
         slots=["mon-morning", "wed-morning"], duration=40, lang="A2",
         contact=("Esther Mulder", "esther.woordenkast"))
training("taalmaatje-training", "Training voor nieuwe taalmaatjes",
         "Hoe help je iemand Nederlands te leren zonder docent te zijn? Twee avonden met tips, "
         "werkvormen en ervaringen van andere maatjes.",
         "Taalhuis De Woordenkast", ["taal", "communicatie"], ["nederlandse-taal", "lesgeven"],
         where="woordenkast", sessions=[("2027-02-08", "19:00", "21:30"),
                                        ("2027-02-15", "19:00", "21:30")],
         lang="B2", contact=("Esther Mulder", "esther.woordenkast"))
training("taal-op-het-werk-leidschenveen", "Taal op de werkvloer",
         "In zes lessen leer je de Nederlandse woorden die je nodig hebt bij vrijwilligerswerk en "
         "werk. Je oefent met afspraken maken, bellen en je ziek melden.",
         "Taalmaatjes Het Veen", ["taal"], ["nederlandse-taal"], where="hetveen",
         sessions=[("2027-10-06", "09:30", "11:30"), ("2027-10-13", "09:30", "11:30"),
                   ("2027-10-20", "09:30", "11:30"), ("2027-10-27", "09:30", "11:30"),
                   ("2027-11-03", "09:30", "11:30"), ("2027-11-10", "09:30", "11:30")],
         lang="A2", contact=("Priya Sharma", "priya.hetveen"))

# Dementie / mantelzorg
training("dementie-vlierboom", "Omgaan met dementie",
         "Wat gebeurt er in het hoofd van iemand met dementie? Hoe praat je met iemand die je "
         "steeds vergeet? Twee middagen met een verpleegkundige.",
         "Woonzorgcentrum De Vlierboom", ["dementie"], ["verzorgen", "luisteren"], where="vlierboom",
         sessions=[("2027-01-12", "13:30", "16:30"), ("2027-01-19", "13:30", "16:30")],
         contact=("Ingrid Schouten", "ingrid.vlierboom"))
training("dementievriendelijk-online", "Dementievriendelijk contact (online)",
         "Een korte online les over herkennen en helpen van mensen met dementie in de winkel, de bus "
         "of de buurtkamer. Je kijkt wanneer je wilt; op donderdagmiddag is er een vragenuur.",
         "Verpleeghuis Het Hoge Veld", ["dementie"], ["luisteren"], where=None,
         slots=["thu-afternoon"], duration=1.5, lang="B1",
         contact=("Radjesh Jagessar", "radjesh.hogeveld"))
training("mantelzorgers-ondersteunen", "Mantelzorgers ondersteunen",
         "Wat heeft een mantelzorger nodig? Hoe herken je overbelasting? Waar verwijs je naar door? "
         "Drie ochtenden, met ervaringsdeskundigen.",
         "Mantelzorgpunt Het Steuntje", ["mantelzorg", "communicatie"], ["luisteren", "verzorgen"],
         where="steuntje",
         sessions=[("2027-03-02", "09:30", "12:00"), ("2027-03-09", "09:30", "12:00"),
                   ("2027-03-16", "09:30", "12:00")],
         contact=("Yvonne Hoekstra", "yvonne.steuntje"))
training("respijt-basiscursus", "Basiscursus respijtvrijwilliger",
         "Je leert hoe je een middag zorgt voor iemand met dementie, zodat de mantelzorger even vrij "
         "is. Met aandacht voor veiligheid, activiteiten en grenzen.",
         "Mantelzorgpunt Het Steuntje", ["mantelzorg", "dementie"], ["verzorgen"], where="steuntje",
         sessions=[("2027-09-07", "13:00", "16:00"), ("2027-09-14", "13:00", "16:00")],
         contact=("Yvonne Hoekstra", "yvonne.steuntje"))
training("palliatieve-zorg-basis", "Basiscursus vrijwilliger palliatieve zorg",
         "Vier avonden over zorg in de laatste levensfase. Wat doet een vrijwilliger, hoe ga je om "
         "met verdriet en hoe zorg je goed voor jezelf? Na de cursus kun je starten in het hospice.",
         "Hospice Het Zeegras", ["communicatie", "mantelzorg"], ["verzorgen", "luisteren"],
         where="zeegras",
         sessions=[("2027-03-01", "19:00", "21:30"), ("2027-03-08", "19:00", "21:30"),
                   ("2027-03-15", "19:00", "21:30"), ("2027-03-22", "19:00", "21:30")],
         lang="B1", contact=("Anouk Verbeek", "anouk.zeegras"))

# VOG
training("vog-spreekuur", "VOG-spreekuur: zo vraag je een VOG aan",
         "Heb je een Verklaring Omtrent het Gedrag nodig? Op donderdagmiddag helpen we je met de "
         "aanvraag, met DigiD. Voor vrijwilligers is de VOG vaak gratis.",
         DHD, ["vog", "computer-basis"], ["computer"], where="bladwijzer",
         slots=["thu-afternoon"], duration=1, cert=False, lang="A2", contact=ACAD)
training("veilig-met-kinderen", "Veilig werken met kinderen: gedragscode en VOG",
         "Wat zijn de regels als je met kinderen werkt? Je bespreekt de gedragscode, de VOG en wat je "
         "doet als je je zorgen maakt over een kind.",
         DHD, ["vog", "communicatie"], ["kinderen-begeleiden"], where="zandloper",
         sessions=[("2027-09-29", "19:00", "21:00")], contact=ACAD)

# Rijvaardigheid
training("veilig-rijden-passagiers", "Veilig rijden met passagiers",
         "Een praktijktraining in de boodschappenbus: rustig rijden, veilig in- en uitstappen en "
         "rolstoelen vastzetten. Met een rijinstructeur en certificaat.",
         "Boodschappenbus Zuidwest", ["rijvaardigheid"], ["autorijden"], where="boodschappenbus",
         sessions=[("2027-02-20", "09:00", "13:00")],
         contact=("Winston Martina", "winston.boodschappenbus"))
training("bestelbus-aanhanger", "Rijden met bestelbus en aanhanger",
         "Je oefent met een bestelbus en een aanhanger: achteruit inparkeren, lading zekeren en "
         "zuinig rijden. Verplicht voor chauffeurs van het wijkbedrijf.",
         "Wijkbedrijf Handenwerk", ["rijvaardigheid"], ["autorijden"], where="handenwerk",
         sessions=[("2027-04-03", "09:00", "15:00")], cost=0,
         contact=("Ronald Verhoef", "ronald.handenwerk"))
training("rolstoelvervoer", "Rolstoelvervoer: veilig vastzetten en begeleiden",
         "Een korte praktijkles voor chauffeurs en bijrijders. Je leert hoe je een rolstoel vastzet "
         "in een busje en hoe je iemand helpt met in- en uitstappen.",
         "Boodschappenbus Zuidwest", ["rijvaardigheid"], ["autorijden", "verzorgen"],
         where="boodschappenbus", sessions=[("2027-10-16", "10:00", "12:00")], lang="A2",
         contact=("Winston Martina", "winston.boodschappenbus"))

# Sociale hygiëne
training("sociale-hygiene-oranje-dreven", "Cursus Sociale Hygiëne",
         "Vier avonden over alcohol, wetten en verantwoord schenken, met een officieel examen. Voor "
         "barvrijwilligers van sportclubs in Zuidwest is de cursus gratis.",
         "VV Oranje Dreven", ["sociale-hygiene"], ["gastvrijheid"], where="oranjedreven",
         sessions=[("2027-01-13", "19:00", "22:00"), ("2027-01-20", "19:00", "22:00"),
                   ("2027-01-27", "19:00", "22:00"), ("2027-02-03", "19:00", "22:00")],
         contact=("Patrick de Graaf", "patrick.oranjedreven"))
training("sociale-hygiene-online", "Sociale Hygiëne online",
         "Je leert thuis, in je eigen tempo, alles voor het examen Sociale Hygiëne. Op maandagavond "
         "kun je online vragen stellen. Het examen doe je op een locatie in Den Haag.",
         DHD, ["sociale-hygiene"], ["gastvrijheid"], where=None, slots=["mon-evening"],
         duration=12, cost=35, lang="B2", contact=ACAD)
training("verantwoord-schenken", "Verantwoord schenken in de kantine",
         "Een korte instructie voor iedereen achter de bar: geen alcohol onder de 18, wat doe je bij "
         "dronken gasten. Eén avond.",
         "Hockeyclub De Zwaluwen", ["sociale-hygiene"], ["gastvrijheid"], where="zwaluwen",
         sessions=[("2027-08-31", "19:30", "21:30")], cert=False,
         contact=("Nadia Hamdi", "nadia.zwaluwen"))

# Coördineren
training("coordineren-basis", "Vrijwilligers coördineren: de basis",
         "Voor nieuwe coördinatoren: werven, inwerken, roosters maken en bedanken. Drie middagen "
         "met veel voorbeelden uit Zuidwest.",
         DHD, ["coordineren", "samenwerken"], ["leidinggeven", "organiseren"], where="kroon",
         sessions=[("2027-04-08", "13:30", "16:30"), ("2027-04-15", "13:30", "16:30"),
                   ("2027-04-22", "13:30", "16:30")], contact=ACAD)
training("coordinator-klussenteam", "Coördinator klussenteam: plannen en veiligheid",
         "Hoe plan je klussen, hoe houd je het veilig en wat doe je als er iets misgaat? Voor "
         "coördinatoren en ploegleiders van klussen- en groenploegen.",
         "Klusploeg De Waterpas", ["coordineren", "projectmatig-werken"], ["leidinggeven", "klussen"],
         where="waterpas", sessions=[("2027-06-05", "09:30", "13:00")],
         contact=("Erwin Smit", "erwin.waterpas"))
training("vrijwilligers-werven-online", "Vrijwilligers werven en behouden (online)",
         "Twee online sessies over duidelijke vacatures, flexibele taken en waardering. Met "
         "voorbeelden van taken die je kunt opknippen.",
         DHD, ["coordineren", "communicatie"], ["leidinggeven", "communicatie"], where=None,
         sessions=[("2027-11-09", "19:30", "21:00"), ("2027-11-16", "19:30", "21:00")],
         lang="B2", contact=ACAD)


# --------------------------------------------------------------------------
# write
# --------------------------------------------------------------------------
def dump(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    dump("organisations.json", ORGS)
    dump("tasks.json", TASKS)
    dump("roles.json", ROLES)
    dump("trainings.json", TRAININGS)
    print("organisations %d, tasks %d, roles %d, trainings %d"
          % (len(ORGS), len(TASKS), len(ROLES), len(TRAININGS)))
