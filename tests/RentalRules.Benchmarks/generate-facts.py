#!/usr/bin/env python3
"""Deterministic fact files for the CLI benchmarks (seed 2024), written one item per line without holding them.

    generate-facts.py households COUNT OUT      varied households, 1-6 members, about a third with some fact unknown
    generate-facts.py departments COUNT OUT     departments across all of Holbaek's tiers (key figures, flags, designations)
    generate-facts.py vacancies COUNT DEPARTMENTS OUT   vacancies spread over departments dep-000000..DEPARTMENTS-1

Departments are named dep-NNNNNN, so a vacancies file fits the departments file of the same DEPARTMENTS count.
"""
import json, random, sys
from datetime import date, timedelta

rnd = random.Random(2024)

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


def household(i):
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
    return h


def department(i):
    dwellings = rnd.randrange(20, 900)
    d = {
        "id": f"dep-{i:06d}", "name": f"Afdeling {i}", "organisation": rnd.choice(["Holbæk Boligselskab", "Lejerbo Holbæk", "Boligselskabet Sjælland"]),
        "municipality": "Holbæk", "residents": dwellings * 2 + rnd.randrange(0, 200), "dwellings": dwellings,
        "turnoverRate": maybe(0.05, round(rnd.uniform(0.04, 0.16), 3)),
        "designation": maybe(0.03, rnd.choice(["none"] * 12 + ["prevention", "vulnerable", "parallelSociety"])),
        "developmentPlan": rnd.random() < 0.05, "rehousing": rnd.random() < 0.03,
        "flags": maybe(0.03, rnd.choice([[], [], [], ["particularProblems"]])),
        "keyFigures": maybe(0.04, {"outsideLabourMarketShare": maybe(0.03, round(rnd.uniform(0.1, 0.6), 4)),
                                    "convictedShare": round(rnd.uniform(0, 0.03), 4), "asOf": "2023-12-01"}),
    }
    if rnd.random() < 0.3:
        d["flexibleLettingShare"] = rnd.choice([0.1, 0.25, 0.5])
    return d


def vacancy(i, departments):
    return {"id": f"v-{i:07d}", "department": f"dep-{rnd.randrange(departments):06d}", "category": rnd.choice(["family"] * 8 + ["youth", "elderly"]),
            "rent": rnd.randrange(3500, 12000, 100), "area": rnd.randrange(30, 130), "rooms": rnd.randrange(1, 6)}


def main():
    kind = sys.argv[1]
    count = int(sys.argv[2])
    if kind == "vacancies":
        departments, out = int(sys.argv[3]), sys.argv[4]
        make = lambda i: vacancy(i, departments)
    else:
        out = sys.argv[3]
        make = {"households": household, "departments": department}[kind]
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n")
        for i in range(count):
            if i:
                f.write(",\n")
            f.write(json.dumps(make(i), ensure_ascii=False, separators=(",", ":")))
        f.write("\n]\n")


main()
