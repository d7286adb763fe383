#!/usr/bin/env bash
# Times one CLI call that checks 100 000 varied households against the red Holbæk sample department.
# Target: under 10 s wall time, start-up included.
#
#   tests/RentalRules.Benchmarks/check-100k.sh [COUNT]
#   COMPACT=1 tests/RentalRules.Benchmarks/check-100k.sh 4000
#
# The households are generated deterministically (seed 2024) into /tmp/hh100k.json (or /tmp/hhCOUNT.json); about a
# third have some fact unknown (null), so every three-valued path and missing-fact list is exercised. The file has one
# value per line (json indent=0). COMPACT=1 writes it on a single line instead, as many exporters do: the fact reader
# is quadratic in the length of a line (see README.md, hot spots), so keep COUNT small with it.
set -euo pipefail

count="${1:-100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
compact="${COMPACT:-0}"
suffix=""; [[ "$compact" == 1 ]] && suffix="-compact"
if [[ "$count" == 100000 ]]; then out="/tmp/hh100k${suffix}.json"; else out="/tmp/hh${count}${suffix}.json"; fi

python3 - "$count" "$out" "$compact" <<'PY'
import json, random, sys
from datetime import date, timedelta

count, out, compact = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
rnd = random.Random(2024)
ON = date(2025, 3, 1)

def maybe(p, value):
    """value, or None (unknown) with probability p."""
    return None if rnd.random() < p else value

def day(lo, hi):
    return (lo + timedelta(days=rnd.randrange((hi - lo).days + 1))).isoformat()

def adult(mid, role):
    born = day(date(1950, 1, 1), date(2006, 12, 31))
    m = {"id": mid, "role": role, "birthDate": maybe(0.02, born), "citizenship": rnd.choice(["DK"] * 8 + ["SE", "DE", "PL", "SY", "US"])}
    jobs = []
    for _ in range(rnd.choice([0, 1, 1, 1, 2])):
        ended = rnd.random() < 0.2
        jobs.append({
            "kind": rnd.choice(["employee"] * 6 + ["selfEmployed", "flexJob"]),
            "hoursPerWeek": rnd.choice([15, 25, 30, 37, 37]),
            "monthlyGrossIncome": maybe(0.03, rnd.randrange(8000, 50000, 500)),
            "from": maybe(0.02, day(date(2000, 1, 1), date(2025, 6, 1))),
            "to": day(date(2022, 1, 1), date(2025, 2, 1)) if ended else None,
        })
    m["employment"] = maybe(0.03, jobs)
    enrolled = [{"kind": rnd.choice(["vocational", "shortCycle", "bachelor", "master"]), "municipality": rnd.choice(["Holbæk", "Roskilde"]),
                 "suEligible": True, "months": rnd.choice([6, 12, 36]), "from": maybe(0.05, day(date(2020, 1, 1), date(2025, 8, 1)))}
                for _ in range(1 if rnd.random() < 0.1 else 0)]
    highest = maybe(0.05, {"level": maybe(0.02, rnd.choice(["primary", "upperSecondary", "vocational", "shortCycle", "bachelor", "master", "phd"])),
                           "approvedInDenmark": maybe(0.03, rnd.random() < 0.9)})
    m["education"] = maybe(0.03, {"enrolled": maybe(0.02, enrolled), "highestCompleted": highest})
    convictions = [{"date": maybe(0.05, day(date(2015, 1, 1), date(2025, 2, 28))), "act": maybe(0.02, rnd.choice(["penalCode", "weaponsAct", "euphoriantsAct", "other"]))}
                   for _ in range(1 if rnd.random() < 0.08 else 0)]
    m["convictions"] = maybe(0.03, convictions)
    benefits = [{"type": maybe(0.02, rnd.choice(["cashBenefit", "unemploymentBenefit", "sickness", "sicknessFromEmployment", "maternity", "su", "holidayPay", "disabilityPension", "other"])),
                 "from": day(date(2018, 1, 1), date(2025, 1, 1)), "to": rnd.choice([None, day(date(2019, 1, 1), date(2025, 2, 1))])}
                for _ in range(rnd.choice([0, 0, 0, 1, 2]))]
    m["benefits"] = maybe(0.03, benefits)
    for event in ("releasedFromPrison", "releasedFromYouthInstitution", "tenancyTerminatedForBreach"):
        m[event] = maybe(0.02, False if rnd.random() < 0.97 else day(date(2020, 1, 1), date(2025, 2, 1)))
    return m

def child(mid):
    m = {"id": mid, "role": "child", "birthDate": maybe(0.02, day(date(2007, 3, 2), date(2025, 2, 1))), "citizenship": "DK",
         "releasedFromPrison": False, "releasedFromYouthInstitution": False, "tenancyTerminatedForBreach": False}
    if rnd.random() < 0.5:  # some teenagers have their school and jobs filled in
        m["employment"] = []
        m["education"] = {"enrolled": [{"kind": "upperSecondary", "municipality": "Holbæk", "suEligible": False, "months": 36, "from": "2023-08-10"}], "highestCompleted": {"level": "primary", "approvedInDenmark": True}}
        m["convictions"] = []
        m["benefits"] = []
    return m

households = []
for i in range(count):
    members = [adult("m1", "applicant")]
    if rnd.random() < 0.6:
        members.append(adult("m2", "partner"))
    for _ in range(rnd.choice([0, 0, 1, 2, 2, 3, 4])):
        members.append(child(f"m{len(members) + 1}"))
    if rnd.random() < 0.05:
        members.append(adult(f"m{len(members) + 1}", "other"))
    h = {"id": f"hh-{i:06d}", "residentMunicipality": rnd.choice(["Holbæk"] * 3 + ["Kalundborg", None]), "currentOrganisation": rnd.choice([None, "MNV-Bolig"]), "members": members}
    if rnd.random() < 0.05:
        h["divorce"] = {"date": day(date(2023, 1, 1), date(2025, 2, 1)), "childrenUnder18AtHome": rnd.random() < 0.7}
    if rnd.random() < 0.03:
        h["soldHome"] = {"municipality": rnd.choice(["Holbæk", "Odsherred"]), "date": day(date(2023, 1, 1), date(2025, 2, 1))}
    households.append(h)

with open(out, "w", encoding="utf-8") as f:
    json.dump(households, f, ensure_ascii=False, separators=(",", ":"), indent=None if compact else 0)
PY
echo "generated $count households into $out ($(du -h "$out" | cut -f1))"

# Build first, so that the timed call measures the check (dotnet run still checks that the build is up to date).
dotnet build -c Release src/RentalRules.Cli -nologo -v quiet >/dev/null
echo "== dotnet run (as a user runs it; wall time includes start-up and the up-to-date check) =="
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, max RSS %M KB' \
  dotnet run -c Release --project src/RentalRules.Cli -- check --pack rules/holbaek-2024.json --department samples/holbaek/department-red.json --household "$out" --route waitingList --on 2025-03-01 --json > /dev/null
echo "== the built executable alone =="
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, max RSS %M KB' \
  src/RentalRules.Cli/bin/Release/net10.0/RentalRules.Cli check --pack rules/holbaek-2024.json --department samples/holbaek/department-red.json --household "$out" --route waitingList --on 2025-03-01 --json > /dev/null
