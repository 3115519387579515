#!/usr/bin/env python3
"""Builds the gazetteers embedded in package extract from ../shared/data.

usage: python3 extract/data/build.py ../shared/data/gazetteers extract/data

Writes countries.tsv, parties.tsv, given_names.txt, given_name_genders.tsv and
places.tsv; agencies.tsv
and the overrides below are written by hand. NOTICE.md lists the sources and
their licences.
"""
import csv, os, re, sys
from collections import Counter

src, out = sys.argv[1], sys.argv[2]

# Dependent territories and other non-sovereign entries of the Factbook: they
# are places, not states.
NOT_SOVEREIGN = set("""AS CC MP CK PF GU CX NC NU NF PN TK WF AW AI KY MS SX MF PR BL TC CW
VG VI FO GI GG IM JE SJ BM GL PM FK GS HK MO EH SH AQ BV TF HM IO""".split())
# Common English names where the Factbook's short name is not the usual one.
NAME = {"CF": "Central African Republic", "FM": "Micronesia", "AE": "United Arab Emirates",
        "GM": "Gambia", "BS": "Bahamas", "DO": "Dominican Republic",
        "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
        "MM": "Myanmar", "VA": "Vatican City", "CI": "Ivory Coast", "PS": "Palestine",
        "CZ": "Czech Republic", "CV": "Cape Verde", "TL": "East Timor"}
MORE_NAMES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"], "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "KP": ["DPRK", "N. Korea"], "KR": ["Republic of Korea", "S. Korea"],
    "GM": ["The Gambia"], "BS": ["The Bahamas"], "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Congo"], "MM": ["Burma"], "VA": ["Holy See", "Vatican"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"], "CZ": ["Czechia"], "CV": ["Cabo Verde"],
    "TL": ["Timor-Leste"], "MK": ["Macedonia"], "SZ": ["Swaziland", "eSwatini"],
    "TR": ["Türkiye", "Turkiye"], "NL": ["The Netherlands", "Holland"], "AE": ["UAE", "U.A.E."],
    "PS": ["State of Palestine", "Palestinian Territories"], "VN": ["Viet Nam"],
    "UA": ["Ukraine"], "IE": ["Republic of Ireland", "Eire"], "IR": ["Islamic Republic of Iran", "Persia"], "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR"], "BA": ["BiH", "Bosnia"], "ZA": ["RSA"], "NZ": ["NZ"],
    "PG": ["PNG"], "CF": ["CAR"], "TW": ["Republic of China"], "SA": ["KSA"],
}
# Demonyms the Factbook lacks or gets ambiguous; None drops an ambiguous one.
MORE_DEMONYMS = {"GB": ["British", "Briton", "Britons", "Brit", "Brits"],
                 "US": ["American", "Americans", "U.S.-based"], "TW": ["Taiwanese"],
                 "KP": ["North Korean", "North Koreans"], "KR": ["South Korean", "South Koreans"],
                 "UA": ["Ukrainian", "Ukrainians"], "PS": ["Palestinian", "Palestinians"],
                 "CD": [], "CG": [], "NL": ["Dutch"], "PH": ["Filipino", "Filipinos", "Philippine"]}
AMBIGUOUS_DEMONYMS = {"Korean", "Koreans", "Congolese", "Dominican", "Dominicans", "Congo",
                      "Guinean", "Guineans", "Chinese/Hong Konger", "Luxembourg", "Singapore",
                      "Gibraltar", "Liechtenstein", "Kiribati", "Taiwan", "New Zealand", "none", "NA",
                      "Channel Islander", "Niger"}
CAPITAL = {"US": ["Washington", "Washington, D.C.", "Washington D.C."], "UA": ["Kyiv", "Kiev"],
           "IL": ["Jerusalem"], "MM": ["Naypyidaw", "Nay Pyi Taw"], "ZA": ["Pretoria"],
           "BO": ["La Paz"], "LK": ["Colombo"], "CI": ["Yamoussoukro", "Abidjan"],
           "BJ": ["Porto-Novo"], "BI": ["Gitega"], "SZ": ["Mbabane"], "NR": [], "EG": ["Cairo"],
           "KZ": ["Astana", "Nur-Sultan"], "IN": ["New Delhi", "Delhi"], "CN": ["Beijing"]}
# Capitals that are also common names of people or other places.
SKIP_CAPITAL = {"Victoria", "Kingston", "Hamilton", "Douglas", "Stanley", "Georgetown", "Santiago",
                "Lima", "Praia", "Moroni", "Apia", "Valletta", "Monaco", "Singapore", "Djibouti",
                "Luxembourg", "San Marino", "Kuwait City", "Mexico City", "Panama City",
                "Guatemala City", "Vatican City", "Tunis", "Algiers", "Sofia", "Victoria"}


def split_demonyms(s):
    outs = []
    s = re.sub(r"note -.*", "", s)
    for part in re.split(r",|;| or |/", s):
        part = re.sub(r"\((singular and plural|singular|plural|colloquial|US citizens|US nationals|collective plural)\)", "", part).strip()
        m = re.match(r"^(.*)\((s|men|women)\)$", part.replace(" (", "("))
        if m:
            base = m.group(1).strip()
            outs.append(base)
            if m.group(2) == "s":
                outs.append(base + "s")
            else:
                outs.append(re.sub(r"(wo)?man$", lambda x: (x.group(1) or "") + "men", base))
            continue
        part = re.sub(r"\(.*?\)", "", part).strip()
        if part and re.match(r"^[A-Z][\w' -]+$", part):
            outs.append(part)
    return [o for o in outs if o not in AMBIGUOUS_DEMONYMS]


countries = {}
with open(os.path.join(src, "factbook/countries.tsv")) as f:
    for r in csv.DictReader(f, delimiter="\t"):
        iso = r["iso2"]
        if not iso or iso in NOT_SOVEREIGN or iso in countries:
            continue
        name = NAME.get(iso, r["short_name"])
        if name in ("none", "West Bank"):
            name = NAME.get(iso, r["long_name"])
        alts = []
        if r["short_name"] not in ("none", name, "West Bank", "DRC"):
            alts.append(r["short_name"])
        if r["long_name"] not in ("none", "") and "," not in r["long_name"]:
            alts.append(r["long_name"])
        for a in re.split(r" or |/|\(|\)", r["abbreviation"]):
            a = a.strip()
            if len(a) >= 3 and a.isupper() and a.isalpha():
                alts.append(a)
        alts += MORE_NAMES.get(iso, [])
        dem = split_demonyms(r["nationality_adj"]) + split_demonyms(r["nationality_noun"])
        if iso in MORE_DEMONYMS:
            dem = [d for d in dem if d not in ("Congolese",)] + MORE_DEMONYMS[iso]
        cap = CAPITAL.get(iso)
        if cap is None:
            c = re.split(r"[;(,]", r["capital"])[0].strip()
            cap = [c] if c and c not in SKIP_CAPITAL and c != name and not c.startswith("no ") else []
        countries[iso] = dict(name=name, alts=alts, dem=dem, cap=cap)
countries["PS"] = dict(name="Palestine", alts=MORE_NAMES["PS"], dem=MORE_DEMONYMS["PS"], cap=["Ramallah"])
# Former states, which news still names as actors of their time (GUIDELINES:
# "a former state that acts in its own name is its own STATE"), under their
# former or reserved ISO codes; their capitals are today's states'. "Soviet"
# is left out: it mostly dates a thing ("Soviet-era", "Soviet times") rather
# than naming the state.
FORMER = {
    "SU": dict(name="Soviet Union", alts=["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], dem=[], cap=[]),
    "YU": dict(name="Yugoslavia", alts=["Socialist Federal Republic of Yugoslavia"], dem=["Yugoslav", "Yugoslavs"], cap=[]),
    "CS": dict(name="Czechoslovakia", alts=[], dem=["Czechoslovak", "Czechoslovaks"], cap=[]),
    "DD": dict(name="East Germany", alts=["German Democratic Republic", "GDR"], dem=["East German", "East Germans"], cap=[]),
    "RH": dict(name="Rhodesia", alts=["Southern Rhodesia"], dem=["Rhodesian", "Rhodesians"], cap=[]),
}
for iso, c in FORMER.items():
    countries.setdefault(iso, c)

# Demonyms claimed by two states are ambiguous: drop them from both.
count = Counter(d for c in countries.values() for d in set(c["dem"]))
with open(os.path.join(out, "countries.tsv"), "w") as f:
    f.write("# iso2\tname\talternative names\tdemonyms\tcapitals (| between values)\n")
    for iso, c in sorted(countries.items()):
        alts = [a for a in dict.fromkeys(c["alts"]) if a != c["name"]]
        dem = [d for d in dict.fromkeys(c["dem"]) if count[d] == 1]
        f.write("\t".join([iso.lower(), c["name"], "|".join(alts), "|".join(dem), "|".join(c["cap"])]) + "\n")

names_of = set()
for c in countries.values():
    names_of.update([c["name"]] + c["alts"] + c["dem"] + c["cap"])

# Political parties: "Full Name or ACRONYM". Acronyms shorter than 3 letters
# collide with too much; one-word names are kept only when they say "Party".
with open(os.path.join(src, "factbook/political_parties.tsv")) as f, \
        open(os.path.join(out, "parties.tsv"), "w") as w:
    w.write("# iso2\tname\tacronym\n")
    seen = set()
    for r in csv.DictReader(f, delimiter="\t"):
        p = re.sub(r"\[.*?\]|\(.*?\)", "", r["party"]).strip()
        name, _, acro = p.partition(" or ")
        name, acro = name.strip(), acro.strip()
        if not re.match(r"^[A-Z]", name) or name in names_of or name in seen:
            continue
        if len(name.split()) < 2 and "Party" not in name:
            continue
        if not (3 <= len(acro) <= 8 and re.match(r"^[A-Z][A-Za-z-]*[A-Z]$", acro)):
            acro = ""
        seen.add(name)
        w.write("\t".join([(r["iso2"] or "").lower(), name, acro]) + "\n")

# Places: cities of at least 100,000 people (name and ASCII name), as PLACE.
places = {}
with open(os.path.join(src, "geonames/cities15000.txt"), encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if int(c[14] or 0) < 100000:
            continue
        for n in (c[1], c[2]):
            if n and n not in names_of and re.match(r"^[A-Z]", n):
                places.setdefault(n, c[8].lower())
with open(os.path.join(out, "places.tsv"), "w") as f:
    f.write("# name\tiso2 of the country\n")
    for n, iso in sorted(places.items()):
        f.write(n + "\t" + iso + "\n")

# Given names: the SSA totals with at least 2,000 babies, men and women together.
tot, by_sex = Counter(), Counter()
with open(os.path.join(src, "ssa_names/ssa_1880_2023_totals.csv")) as f:
    for name, sex, n in csv.reader(f):
        tot[name] += int(n)
        by_sex[name, sex] += int(n)
with open(os.path.join(out, "given_names.txt"), "w") as f:
    f.write("# given names (US Social Security Administration, public domain)\n")
    for n, c in sorted(tot.items()):
        if c >= 2000 and n not in names_of:
            f.write(n + "\n")

# Given names' genders: of the given names above, those given to one sex at
# least 95 times in 100 ("Angela" f, "Tim" m; "Jordan", "Kim", "Leslie" left
# out), for the coreference of he and she.
with open(os.path.join(out, "given_name_genders.tsv"), "w") as f:
    f.write("# name\tgender (US Social Security Administration, public domain)\n")
    for n, c in sorted(tot.items()):
        if c < 2000 or n in names_of:
            continue
        for sex in "MF":
            if by_sex[n, sex] >= 0.95 * c:
                f.write(n + "\t" + sex.lower() + "\n")
