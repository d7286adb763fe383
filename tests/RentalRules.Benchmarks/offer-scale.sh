#!/usr/bin/env bash
# Times one `rentalrules offer` over 100 000 households × 1 000 vacancies in 200 Holbæk departments, --top 20.
# Target: at most 20 s wall and flat memory (the household file is streamed, never held whole).
#
#   tests/RentalRules.Benchmarks/offer-scale.sh [HOUSEHOLDS] [VACANCIES] [DEPARTMENTS]
#
# The data is generated deterministically (seed 2026) into /tmp/offer-scale/: departments of every colour (key
# figures 0.10–0.60, a third with particularProblems, individual agreements with one of five flexibleCriteria menus,
# eight organisations), vacancies in date order (mostly family dwellings, some elderly and accessible ones; each names
# three of the households as the municipality's candidates), households of 1–5 members with about one in ten facts
# unknown and one in twenty without waitingListSince. Prints wall time and max RSS from /usr/bin/time -v and the
# load average (the machine is shared).
set -euo pipefail

households="${1:-100000}"
vacancies="${2:-1000}"
departments="${3:-200}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out=/tmp/offer-scale
mkdir -p "$out"

python3 - "$households" "$vacancies" "$departments" "$out" <<'PY'
import json, random, sys
from datetime import date, timedelta

H, V, D, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(2026)
menus = [
    ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"],
    ["holbaek-b4-1-work", "holbaek-b4-4-senior"],
    ["holbaek-b4-1-work"],
    ["holbaek-b4-2-education", "holbaek-b4-3-divorce"],
    [],
]
orgs = [f"Org {c}" for c in "ABCDEFGH"]

def day(lo, hi):
    return (lo + timedelta(days=rnd.randrange((hi - lo).days + 1))).isoformat()

def maybe(p, v):
    return None if rnd.random() < p else v

deps = []
for i in range(D):
    deps.append({
        "id": f"D-{i:03}", "name": f"Afdeling {i}", "organisation": rnd.choice(orgs), "municipality": "Holbæk",
        "residents": rnd.randrange(80, 2000), "dwellings": rnd.randrange(40, 900), "turnoverRate": 0.08,
        "designation": "none", "developmentPlan": False, "rehousing": False,
        "flexibleLettingShare": rnd.choice([0.25, 0.5, 1]),
        "flags": ["particularProblems"] if rnd.random() < 0.33 else [],
        "flexibleCriteria": rnd.choice(menus),
        "keyFigures": {"outsideLabourMarketShare": round(rnd.uniform(0.10, 0.60), 4), "asOf": "2024-12-01"},
    })
json.dump(deps, open(f"{out}/departments.json", "w"), ensure_ascii=False)

vac = []
for i in range(V):
    category = rnd.choices(["family", "elderly", "accessible"], [90, 5, 5])[0]
    v = {"id": f"V-{i:05}", "department": f"D-{rnd.randrange(D):03}", "category": category, "rent": rnd.randrange(4000, 9000), "area": rnd.randrange(40, 120), "rooms": rnd.randrange(1, 5),
         "candidates": [f"H-{rnd.randrange(H):06}" for _ in range(3)]}
    if category == "accessible":
        v["programme"] = rnd.choice(["accessible-full", "accessible-half"])
    vac.append(v)
for v in vac:
    v["candidates"] = list(dict.fromkeys(v["candidates"]))
json.dump(vac, open(f"{out}/vacancies.json", "w"), ensure_ascii=False, indent=0)

ON = date(2025, 3, 1)
def member(mid, role, born):
    jobs = [] if rnd.random() < 0.3 else [{"kind": rnd.choice(["employee"] * 6 + ["selfEmployed", "flexJob"]), "hoursPerWeek": rnd.choice([15, 25, 37]),
             "monthlyGrossIncome": rnd.randrange(8000, 45000, 500), "from": day(date(2005, 1, 1), date(2024, 12, 1)), "to": None}]
    m = {"id": mid, "role": role, "birthDate": born, "citizenship": "DK",
         "employment": maybe(0.05, jobs),
         "education": maybe(0.05, {"enrolled": [], "highestCompleted": {"level": rnd.choice(["primary", "vocational", "bachelor", "master"]), "approvedInDenmark": True}}),
         "convictions": maybe(0.05, [] if rnd.random() < 0.93 else [{"date": day(date(2018, 1, 1), date(2025, 2, 1)), "act": "penalCode"}]),
         "benefits": maybe(0.05, [] if rnd.random() < 0.8 else [{"type": rnd.choice(["cashBenefit", "unemploymentBenefit", "statePension", "su"]), "from": day(date(2020, 1, 1), date(2025, 1, 1)), "to": None}]),
         "releasedFromPrison": False, "releasedFromYouthInstitution": False, "tenancyTerminatedForBreach": False}
    return m

with open(f"{out}/households.json", "w") as f:
    f.write("[\n")
    for i in range(H):
        members = [member("m1", "applicant", day(date(1945, 1, 1), date(2005, 1, 1)))]
        if rnd.random() < 0.5:
            members.append(member("m2", "partner", day(date(1950, 1, 1), date(2005, 1, 1))))
        for c in range(rnd.choice([0, 0, 1, 2, 3])):
            members.append({"id": f"c{c}", "role": "child", "birthDate": day(date(2008, 1, 1), date(2024, 1, 1)), "citizenship": "DK", "employment": [], "convictions": [], "benefits": [],
                            "releasedFromPrison": False, "releasedFromYouthInstitution": False, "tenancyTerminatedForBreach": False})
        h = {"id": f"H-{i:06}", "waitingListSince": maybe(0.05, day(date(1995, 1, 1), date(2025, 2, 1))), "residentMunicipality": rnd.choice(["Holbæk", "Roskilde"]),
             "currentOrganisation": maybe(0.1, rnd.choice(orgs)), "divorce": False if rnd.random() < 0.9 else {"date": day(date(2023, 1, 1), date(2025, 2, 1)), "childrenUnder18AtHome": rnd.randrange(0, 3)},
             "soldHome": False, "members": members}
        f.write(json.dumps(h, ensure_ascii=False))
        f.write(",\n" if i < H - 1 else "\n")
    f.write("]\n")
PY

ls -la "$out"
dotnet build -c Release src/RentalRules.Cli -v q -nologo | tail -1
exe="src/RentalRules.Cli/bin/Release/net10.0/RentalRules.Cli"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$exe" offer --pack rules/holbaek-2024.json --departments "$out/departments.json" --vacancies "$out/vacancies.json" \
  --households "$out/households.json" --top 20 --on 2025-03-01 --json > "$out/offers.json" 2> "$out/time.txt" || { cat "$out/time.txt"; exit 1; }
grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$out/time.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "output: $(stat -c %s "$out/offers.json") bytes"
