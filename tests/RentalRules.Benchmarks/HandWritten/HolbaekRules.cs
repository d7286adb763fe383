using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Benchmarks.HandWritten;

/// <summary>
/// The Holbæk 2024-2027 agreement (rules/holbaek-2024.json) written out by hand in C#: the baseline the compiled
/// pack is measured against. It returns the library's own result records with the same content the pack produces
/// (tier, share, flexible-letting policy, routes, explanation; per-criterion, per-member outcomes with the names of
/// missing facts and the documents to request), so the comparison is "eligibility with explanation" on both sides.
/// </summary>
/// <remarks>
/// <para>Covers placement, and eligibility for the waiting-list route into every tier and for every route into a red
/// department: the paths that reach the tightened criteria of appendix 3. The statutory restrictions and appendix 4
/// (flexible letting in green, yellow and uncoloured departments) are not written out; those routes throw
/// <see cref="NotSupportedException"/>.</para>
/// <para>Where the pack deviates from its documented semantics (see the benchmarks' README), this class follows the
/// documentation: an undetermined <c>'particularProblems' in department.flags</c> lists <c>department.flags</c> as
/// missing, and documents are only requested for requirements that apply.</para>
/// <para>Thread-safe: every static field is immutable after type initialisation.</para>
/// </remarks>
internal static class HolbaekRules
{
    private const string PackId = "holbaek-2024";

    private const string Tightened = "holbaek-tightened";
    private const string Flexible = "holbaek-flexible";

    private static readonly DateOnly ValidFrom = new(2024, 7, 1);
    private static readonly DateOnly ValidTo = new(2027, 12, 31);

    // Parameters: greenMax and yellowMax from 2024-07-01; fixedWorkMonthlyIncome from 2023-01-01.
    private static readonly DateOnly BandsFrom = new(2024, 7, 1);
    private static readonly DateOnly FixedWorkFrom = new(2023, 1, 1);
    private const decimal GreenMax = 0.30m;
    private const decimal YellowMax = 0.45m;
    private const decimal FixedWorkMonthlyIncome = 16408m;

    private static readonly IReadOnlyList<string> NoStrings = [];
    private static readonly IReadOnlyList<LocalizedText> NoWarnings = [];
    private static readonly IReadOnlyList<MemberResult> NoMembers = [];
    private static readonly IReadOnlyList<CriterionResult> NoCriteria = [];
    private static readonly IReadOnlyList<LocalizedText> NoDocuments = [];

    // ---- Tiers (§ 6) -------------------------------------------------------------------------------------------

    private static readonly TierInfo Uncoloured = new(
        0,
        "uncoloured",
        new LocalizedText("Ikke farvemarkeret", "Uncoloured"),
        new Fraction(1, 8),
        "agreed",
        "§ 7",
        Rule(
            "holbaek-uncoloured",
            "Afdelingen har intet nøgletal for andelen af 18-64-årige uden tilknytning til arbejdsmarkedet og behandles derfor som ikke farvemarkeret i bilag 1: hver 8. ledige bolig tilbydes til kommunal anvisning.",
            "The department has no key figure for the share of residents aged 18-64 without attachment to the labour market, so it is treated as not colour-marked in appendix 1: every 8th vacant dwelling is offered for municipal allocation."),
        new LocalizedText("Udlejning efter ventelisten (anciennitet) uden yderligere kriterier.", "Letting from the waiting list by seniority, without further criteria."));

    private static readonly TierInfo Green = new(
        1,
        "green",
        new LocalizedText("Grøn", "Green"),
        new Fraction(1, 3),
        "agreed",
        "§ 7",
        Rule(
            "holbaek-green",
            "Højst 30 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (grøn): hver 3. ledige bolig tilbydes til kommunal anvisning.",
            "At most 30 % of residents aged 18-64 are without attachment to the labour market (green): every 3rd vacant dwelling is offered for municipal allocation."),
        new LocalizedText("Udlejning efter ventelisten (anciennitet) uden yderligere kriterier.", "Letting from the waiting list by seniority, without further criteria."));

    private static readonly TierInfo Yellow = new(
        2,
        "yellow",
        new LocalizedText("Gul", "Yellow"),
        new Fraction(1, 6),
        "agreed",
        "§ 7",
        Rule(
            "holbaek-yellow",
            "Over 30 % og højst 45 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (gul): hver 6. ledige bolig tilbydes til kommunal anvisning.",
            "Over 30 % and at most 45 % of residents aged 18-64 are without attachment to the labour market (yellow): every 6th vacant dwelling is offered for municipal allocation."),
        new LocalizedText("Udlejning efter ventelisten (anciennitet) uden yderligere kriterier.", "Letting from the waiting list by seniority, without further criteria."));

    private static readonly TierInfo Red = new(
        3,
        "red",
        new LocalizedText("Rød", "Red"),
        Fraction.Zero,
        "all",
        "§ 6",
        Rule(
            "holbaek-red",
            "Over 45 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (rød): afdelingen friholdes for kommunal anvisning.",
            "Over 45 % of residents aged 18-64 are without attachment to the labour market (red): the department is exempt from municipal allocation."),
        null);

    private static readonly Explanation YellowWaitingListTightened = new(
        "holbaek-yellow-waitinglist-tightened",
        "§ 6",
        PackId,
        new LocalizedText(
            "Gul afdeling hvor nøgletallene viser særlige problemstillinger: der udlejes efter de skærpede fleksible kriterier (bilag 3).",
            "Yellow department whose key figures show particular problems: letting is under the tightened criteria (appendix 3)."));

    private static readonly LocalizedText RedTightenedReason = new(
        "I røde afdelinger udlejes der efter de skærpede fleksible kriterier (bilag 3).",
        "Red departments are let under the tightened flexible criteria (appendix 3).");

    private static readonly Explanation RedWaitingListTightened = new("holbaek-red-waitinglist-tightened", "§ 6", PackId, RedTightenedReason);
    private static readonly Explanation RedFlexibleTightened = new("holbaek-red-flexible-tightened", "§ 6", PackId, RedTightenedReason);
    private static readonly Explanation RedMunicipalClosed = new(
        "red.municipal",
        "§ 6",
        PackId,
        new LocalizedText("Røde afdelinger friholdes for kommunal anvisning.", "Red departments are exempt from municipal allocation."));

    /// <summary>Route summaries by tier, particular-problems flag (false/true/unknown) and designation class; see <see cref="RouteIndex"/>.</summary>
    private static readonly RouteTable[] Routes = BuildRoutes();

    // ---- Appendix 3: the tightened criteria -------------------------------------------------------------------

    private static readonly IReadOnlyList<LocalizedText> TightenedSetDocuments =
    [
        new("Kopi af pas (alternativt sundhedskort og anden billedlegitimation) for hvert medlem af husstanden", "Copy of passport (or health card and other photo ID) for every member of the household"),
    ];

    private static readonly CriterionInfo Convictions = new(
        TightenedRule.Convictions,
        "holbaek-b3-1-convictions",
        "bilag 3 nr. 1",
        new LocalizedText(
            "Ingen husstandsmedlemmer (15+) er inden for de seneste to år dømt efter straffeloven, våbenloven eller lov om euforiserende stoffer",
            "No household member (15+) convicted within the last two years under the penal code, the weapons act or the euphoriants act"),
        [new("Straffeattest for medlemmer af husstanden, som er fyldt 15 år", "Criminal record certificate for household members aged 15 or over")],
        15,
        null);

    private static readonly CriterionInfo WorkOrEducation = new(
        TightenedRule.WorkOrEducation,
        "holbaek-b3-2-work-or-education",
        "bilag 3 nr. 2",
        new LocalizedText(
            "Alle husstandsmedlemmer på 15-64 år er i fast arbejde (bruttoindkomst mindst 55 % af regionens gennemsnit) eller under godkendt uddannelse",
            "Every household member aged 15-64 is in fixed work (gross income at least 55 % of the regional average) or in approved education"),
        [new("Lønsedler", "Payslips")],
        15,
        64);

    private static readonly CriterionInfo PublicSupport = new(
        TightenedRule.PublicSupport,
        "holbaek-b3-3-public-support",
        "bilag 3 nr. 3",
        new LocalizedText(
            "Ingen husstandsmedlemmer på 18-64 år er eller har inden for de seneste to år været offentligt forsørgede (SU, feriedagpenge, barselsdagpenge, sygedagpenge fra beskæftigelse, fleksløntilskud, fleksydelse og efterløn undtaget)",
            "No household member aged 18-64 is, or was within the last two years, publicly supported (except SU, holiday pay, maternity benefit, sickness benefit from employment, flex wage subsidy, flex benefit and early retirement)"),
        [new("Årsopgørelser og lønsedler for de seneste to år", "Annual tax statements and payslips for the last two years")],
        18,
        64);

    private static readonly CriterionInfo EducationLevelCriterion = new(
        TightenedRule.EducationLevel,
        "holbaek-b3-4-education-level",
        "bilag 3 nr. 4",
        new LocalizedText(
            "Alle husstandsmedlemmer på 30-59 år har en uddannelse over grundskoleniveau, taget eller godkendt i Danmark",
            "Every household member aged 30-59 has education above primary school, taken or approved in Denmark"),
        [
            new("Eksamensbevis", "Diploma"),
            new("Dokumentation for godkendelse i Danmark, hvis uddannelsen er taget i et andet land", "Proof of approval in Denmark if the education was taken abroad"),
        ],
        30,
        59);

    /// <summary>The criteria of appendix 3, in the pack's order.</summary>
    private static readonly CriterionInfo[] TightenedCriteria = [Convictions, WorkOrEducation, PublicSupport, EducationLevelCriterion];

    private enum Tri : byte
    {
        False,
        True,
        Unknown,
    }

    private enum TightenedRule : byte
    {
        Convictions,
        WorkOrEducation,
        PublicSupport,
        EducationLevel,
    }

    private enum DesignationClass : byte
    {
        Unknown,
        None,
        Vulnerable,
        Prevention,
    }

    /// <summary>Places a department in a Holbæk tier (§ 6), as the pack's <c>placement</c> table does.</summary>
    /// <param name="department">The department.</param>
    /// <param name="on">The evaluation date.</param>
    /// <returns>The placement, with the same content as <c>RulePack.Place</c>.</returns>
    public static PlacementResult Place(Department department, DateOnly on)
    {
        IReadOnlyList<LocalizedText> warnings = on < ValidFrom || on > ValidTo
            ? [new LocalizedText(
                $"Evalueringsdatoen {on:yyyy-MM-dd} ligger uden for pakkens gyldighedsperiode ({ValidFrom:yyyy-MM-dd} til {ValidTo:yyyy-MM-dd}).",
                $"The evaluation date {on:yyyy-MM-dd} is outside the pack's validity period ({ValidFrom:yyyy-MM-dd} to {ValidTo:yyyy-MM-dd}).")]
            : NoWarnings;

        // Rule 1, missing(...), is never undetermined; the bands are undetermined only when greenMax has no value yet.
        var share = department.KeyFigures?.OutsideLabourMarketShare;
        TierInfo tier;
        if (share is null)
        {
            tier = Uncoloured;
        }
        else if (on < BandsFrom)
        {
            IReadOnlyList<string> missing = ["param.greenMax"];
            var reason = new LocalizedText(
                "Placeringen kan ikke afgøres: reglen 'holbaek-green' mangler oplysninger (param.greenMax).",
                "The placement cannot be decided: rule 'holbaek-green' needs facts that are missing (param.greenMax).");
            return new PlacementResult(
                department.Id,
                PlacementOutcome.Undetermined,
                null,
                null,
                null,
                null,
                null,
                null,
                new Dictionary<LettingRoute, RouteSummary>(),
                [new Explanation("holbaek-green", "§ 6", PackId, reason)],
                missing,
                warnings);
        }
        else
        {
            tier = share.Value <= GreenMax ? Green : share.Value <= YellowMax ? Yellow : Red;
        }

        var routes = Routes[RouteIndex(tier.Index, tier.Index == Yellow.Index ? ParticularProblems(department) : Tri.False, tier.Index == Red.Index ? DesignationClass.None : Classify(department.Designation))];
        return new PlacementResult(
            department.Id,
            PlacementOutcome.Placed,
            tier.Id,
            tier.Label,
            tier.MunicipalShare,
            FlexiblePolicy(tier, department),
            routes.MainCriteriaSet,
            null,
            routes.Summaries,
            tier.Explanation,
            NoStrings,
            warnings);
    }

    /// <summary>Checks a household against the Holbæk rules for a route into a department.</summary>
    /// <param name="request">The department, household, route and date.</param>
    /// <returns>The eligibility, with the same content as <c>RulePack.Check</c>.</returns>
    /// <exception cref="NotSupportedException">For routes whose criteria (appendix 4, § 59) are not written out here.</exception>
    public static EligibilityResult Check(EligibilityRequest request)
    {
        var department = request.Department;
        var household = request.Household;
        var placement = Place(department, request.On);
        if (placement.Outcome != PlacementOutcome.Placed)
        {
            return new EligibilityResult(household.Id, department.Id, request.Route, Outcome.Undetermined, placement, NoCriteria, placement.Missing, NoDocuments, placement.Explanation);
        }

        var tier = placement.Tier!;
        Explanation requirement;
        var applies = Tri.True;
        if (tier == "red")
        {
            switch (request.Route)
            {
                case LettingRoute.Municipal:
                    return new EligibilityResult(household.Id, department.Id, request.Route, Outcome.Ineligible, placement, NoCriteria, NoStrings, NoDocuments, [.. placement.Explanation, RedMunicipalClosed]);
                case LettingRoute.Flexible:
                    requirement = RedFlexibleTightened;
                    break;
                default:
                    requirement = RedWaitingListTightened;
                    break;
            }
        }
        else if (request.Route != LettingRoute.WaitingList)
        {
            throw new NotSupportedException("The hand-written rules cover the waiting-list route into every tier and every route into a red department.");
        }
        else
        {
            applies = tier == "yellow" ? ParticularProblems(department) : Tri.False;
            requirement = YellowWaitingListTightened;
        }

        if (applies == Tri.False)
        {
            // No requirement applies: open to everyone, explained by the route's reason.
            var info = tier switch { "green" => Green, "yellow" => Yellow, _ => Uncoloured };
            var route = new Explanation($"{tier}.waitingList", "§ 6", PackId, info.WaitingListReason!);
            return new EligibilityResult(household.Id, department.Id, request.Route, Outcome.Eligible, placement, NoCriteria, NoStrings, NoDocuments, [.. placement.Explanation, route]);
        }

        var criteria = new CriterionResult[4];
        var set = CheckTightened(household, request.On, criteria);
        var overall = applies == Tri.Unknown ? Or(Tri.Unknown, set) : set;
        var outcome = ToOutcome(overall);

        IReadOnlyList<string> missing = NoStrings;
        if (outcome == Outcome.Undetermined)
        {
            var names = new List<string>();
            if (applies == Tri.Unknown)
            {
                names.Add("department.flags");
            }

            foreach (var c in criteria)
            {
                if (c.Outcome == Outcome.Undetermined)
                {
                    AddDistinct(names, c.Missing);
                }
            }

            missing = names;
        }

        IReadOnlyList<LocalizedText> documents = NoDocuments;
        if (outcome != Outcome.Ineligible)
        {
            var docs = new List<LocalizedText>(6);
            docs.AddRange(TightenedSetDocuments);
            foreach (var c in criteria)
            {
                if (c.Outcome != Outcome.Ineligible)
                {
                    docs.AddRange(c.Documents);
                }
            }

            documents = docs;
        }

        return new EligibilityResult(household.Id, department.Id, request.Route, outcome, placement, criteria, missing, documents, [.. placement.Explanation, requirement]);
    }

    /// <summary>Appendix 3: the four member-band criteria, all of which must hold.</summary>
    private static Tri CheckTightened(Household household, DateOnly on, CriterionResult[] results)
    {
        var facts = new Context(on, on.AddMonths(-24), on >= FixedWorkFrom ? FixedWorkMonthlyIncome : null, new List<string>(4));
        var acc = Tri.True;
        for (var i = 0; i < TightenedCriteria.Length; i++)
        {
            acc = And(acc, EvaluateMembers(TightenedCriteria[i], household.Members, facts, results, i));
        }

        return acc;
    }

    /// <summary>Every member in the band must meet the condition; a member of unknown age counts only where it fails.</summary>
    private static Tri EvaluateMembers(CriterionInfo criterion, IReadOnlyList<Member>? members, in Context facts, CriterionResult[] results, int index)
    {
        if (members is null)
        {
            results[index] = Result(criterion, Tri.Unknown, NoMembers, ["household.members"]);
            return Tri.Unknown;
        }

        var notes = facts.Notes;
        var acc = Tri.True;
        var perMember = new List<MemberResult>(members.Count);
        List<string>? allMissing = null;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var age = Age(m.BirthDate, facts.On);
            if (age is { } a && ((criterion.MinAge is { } min && a < min) || (criterion.MaxAge is { } max && a > max)))
            {
                continue;
            }

            notes.Clear();
            var r = criterion.Rule switch
            {
                TightenedRule.Convictions => NoRecentConviction(m, facts.On, facts.TwoYearsAgo, notes),
                TightenedRule.WorkOrEducation => InWorkOrEducation(m, facts.On, facts.FixedWorkIncome, notes),
                TightenedRule.PublicSupport => NotPubliclySupported(m, facts.On, facts.TwoYearsAgo, notes),
                _ => AbovePrimaryApprovedInDenmark(m, notes),
            };
            if (age is null && r != Tri.True)
            {
                r = Tri.Unknown;
                Note(notes, "member.birthDate");
            }

            IReadOnlyList<string> missing = NoStrings;
            if (r == Tri.Unknown)
            {
                var copy = notes.ToArray();
                missing = copy;
                AddDistinct(allMissing ??= [], copy);
            }

            perMember.Add(new MemberResult(m.Id ?? $"#{i + 1}", ToOutcome(r), missing));
            acc = And(acc, r);
        }

        results[index] = Result(criterion, acc, perMember, acc == Tri.Unknown && allMissing is not null ? allMissing : NoStrings);
        return acc;
    }

    /// <summary>Nr. 1: not any(c in member.convictions: c.act in [penalCode, weaponsAct, euphoriantsAct] and within(c.date, 2 years)).</summary>
    private static Tri NoRecentConviction(Member m, DateOnly on, DateOnly twoYearsAgo, List<string> notes)
    {
        var list = m.Convictions;
        if (list is null)
        {
            Note(notes, "member.convictions");
            return Tri.Unknown;
        }

        var any = Tri.False;
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            Tri r;
            if (c is null)
            {
                Note(notes, "member.convictions[]");
                r = Tri.Unknown;
            }
            else
            {
                Tri act;
                if (c.Act is not { } a)
                {
                    Note(notes, "member.convictions[].act");
                    act = Tri.Unknown;
                }
                else
                {
                    act = a is ConvictionAct.PenalCode or ConvictionAct.WeaponsAct or ConvictionAct.EuphoriantsAct ? Tri.True : Tri.False;
                }

                if (act == Tri.False)
                {
                    r = Tri.False;
                }
                else
                {
                    Tri recent;
                    if (c.Date is not { } date)
                    {
                        Note(notes, "member.convictions[].date");
                        recent = Tri.Unknown;
                    }
                    else
                    {
                        recent = date >= twoYearsAgo && date <= on ? Tri.True : Tri.False;
                    }

                    r = And(act, recent);
                }
            }

            if (r == Tri.True)
            {
                return Tri.False;
            }

            if (r == Tri.Unknown)
            {
                any = Tri.Unknown;
            }
        }

        return Not(any);
    }

    /// <summary>
    /// Nr. 2: (current(member.employment) and sum(e in member.employment where current(e): e.monthlyGrossIncome) &gt;=
    /// fixedWorkMonthlyIncome) or current(member.education.enrolled). Periods hold on from ≤ on &lt; to; an enrolment
    /// without to ends before from + months.
    /// </summary>
    private static Tri InWorkOrEducation(Member m, DateOnly on, decimal? threshold, List<string> notes)
    {
        Tri work;
        var jobs = m.Employment;
        if (jobs is null)
        {
            Note(notes, "member.employment");
            Note(notes, "member.employment");
            if (threshold is null)
            {
                Note(notes, "param.fixedWorkMonthlyIncome");
            }

            work = Tri.Unknown;
        }
        else
        {
            var anyCurrent = Tri.False;
            for (var i = 0; i < jobs.Count; i++)
            {
                var r = Current(jobs[i].From, jobs[i].To ?? DateOnly.MaxValue, on, notes, "member.employment[].from");
                if (r == Tri.True)
                {
                    anyCurrent = Tri.True;
                    break;
                }

                if (r == Tri.Unknown)
                {
                    anyCurrent = Tri.Unknown;
                }
            }

            decimal sum = 0m;
            var sumKnown = true;
            for (var i = 0; i < jobs.Count; i++)
            {
                var r = Current(jobs[i].From, jobs[i].To ?? DateOnly.MaxValue, on, notes, "member.employment[].from");
                if (r == Tri.Unknown)
                {
                    sumKnown = false;
                }
                else if (r == Tri.True)
                {
                    if (jobs[i].MonthlyGrossIncome is { } income)
                    {
                        sum += income;
                    }
                    else
                    {
                        Note(notes, "member.employment[].monthlyGrossIncome");
                        sumKnown = false;
                    }
                }
            }

            if (threshold is null)
            {
                Note(notes, "param.fixedWorkMonthlyIncome");
            }

            var paid = !sumKnown || threshold is null ? Tri.Unknown : sum >= threshold.Value ? Tri.True : Tri.False;
            work = And(anyCurrent, paid);
        }

        if (work == Tri.True)
        {
            return Tri.True;
        }

        Tri study;
        if (m.Education is not { } education)
        {
            Note(notes, "member.education");
            study = Tri.Unknown;
        }
        else if (education.Enrolled is not { } enrolled)
        {
            Note(notes, "member.education.enrolled");
            study = Tri.Unknown;
        }
        else
        {
            study = Tri.False;
            for (var i = 0; i < enrolled.Count; i++)
            {
                var x = enrolled[i];
                DateOnly? end = x.To ?? (x.From is { } f && x.Months is { } months ? f.AddMonths((int)months) : null);
                var r = Current(x.From, end, on, notes, "member.education.enrolled[].from", "member.education.enrolled[].to");
                if (r == Tri.True)
                {
                    study = Tri.True;
                    break;
                }

                if (r == Tri.Unknown)
                {
                    study = Tri.Unknown;
                }
            }
        }

        return Or(work, study);
    }

    /// <summary>Whether a period [from, end) holds on the date; an unknown bound is unknown unless the other decides.</summary>
    private static Tri Current(DateOnly? from, DateOnly? end, DateOnly on, List<string> notes, string fromName, string? endName = null)
        => Overlaps(from, end, on, on, notes, fromName, endName);

    /// <summary>Whether a period [from, end) has a day in [first, last].</summary>
    private static Tri Overlaps(DateOnly? from, DateOnly? end, DateOnly first, DateOnly last, List<string> notes, string fromName, string? endName = null)
    {
        if ((end is { } e && e <= first) || (from is { } f && f > last))
        {
            return Tri.False;
        }

        if (from is null)
        {
            Note(notes, fromName);
        }

        if (end is null && endName is not null)
        {
            Note(notes, endName);
        }

        return from is null || end is null ? Tri.Unknown : Tri.True;
    }

    /// <summary>Nr. 3: not any(b in member.benefits: b.type not in [exempt types] and within(b, 2 years)), the closed window [on − 2 years, on].</summary>
    private static Tri NotPubliclySupported(Member m, DateOnly on, DateOnly twoYearsAgo, List<string> notes)
    {
        var list = m.Benefits;
        if (list is null)
        {
            Note(notes, "member.benefits");
            return Tri.Unknown;
        }

        var any = Tri.False;
        for (var i = 0; i < list.Count; i++)
        {
            var b = list[i];
            Tri r;
            if (b is null)
            {
                Note(notes, "member.benefits[]");
                r = Tri.Unknown;
            }
            else
            {
                Tri counts;
                if (b.Type is not { } type)
                {
                    Note(notes, "member.benefits[].type");
                    counts = Tri.Unknown;
                }
                else
                {
                    counts = type is BenefitType.Su or BenefitType.HolidayPay or BenefitType.Maternity or BenefitType.SicknessFromEmployment
                        or BenefitType.FlexWageSubsidy or BenefitType.FlexBenefit or BenefitType.EarlyRetirement
                        ? Tri.False
                        : Tri.True;
                }

                r = counts == Tri.False ? Tri.False : And(counts, Overlaps(b.From, b.To ?? DateOnly.MaxValue, twoYearsAgo, on, notes, "member.benefits[].from"));
            }

            if (r == Tri.True)
            {
                return Tri.False;
            }

            if (r == Tri.Unknown)
            {
                any = Tri.Unknown;
            }
        }

        return Not(any);
    }

    /// <summary>Nr. 4: member.education.highestCompleted.abovePrimary and member.education.highestCompleted.approvedInDenmark (a missing level is reported as member.education.highestCompleted.level).</summary>
    private static Tri AbovePrimaryApprovedInDenmark(Member m, List<string> notes)
    {
        var completed = CompletedEducation(m, notes);
        Tri above;
        if (completed is null)
        {
            above = Tri.Unknown;
        }
        else if (completed.Level is not { } level)
        {
            Note(notes, "member.education.highestCompleted.level");
            above = Tri.Unknown;
        }
        else
        {
            above = level > EducationLevel.Primary ? Tri.True : Tri.False;
        }

        if (above == Tri.False)
        {
            return Tri.False;
        }

        Tri approved;
        if (completed is null)
        {
            approved = Tri.Unknown;
        }
        else if (completed.ApprovedInDenmark is not { } yes)
        {
            Note(notes, "member.education.highestCompleted.approvedInDenmark");
            approved = Tri.Unknown;
        }
        else
        {
            approved = yes ? Tri.True : Tri.False;
        }

        return And(above, approved);
    }

    private static CompletedEducation? CompletedEducation(Member m, List<string> notes)
    {
        if (m.Education is not { } education)
        {
            Note(notes, "member.education");
            return null;
        }

        if (education.HighestCompleted is not { } completed)
        {
            Note(notes, "member.education.highestCompleted");
            return null;
        }

        return completed;
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    private static Tri ParticularProblems(Department department)
    {
        if (department.Flags is not { } flags)
        {
            return Tri.Unknown;
        }

        foreach (var flag in flags)
        {
            if (string.Equals(flag, "particularProblems", StringComparison.OrdinalIgnoreCase))
            {
                return Tri.True;
            }
        }

        return Tri.False;
    }

    private static DesignationClass Classify(Designation? designation) => designation switch
    {
        null => DesignationClass.Unknown,
        Designation.Vulnerable or Designation.ParallelSociety or Designation.Transformation => DesignationClass.Vulnerable,
        Designation.Prevention => DesignationClass.Prevention,
        _ => DesignationClass.None,
    };

    private static FlexibleLettingPolicy FlexiblePolicy(TierInfo tier, Department department)
    {
        Fraction? share = tier.FlexibleRule == "all"
            ? Fraction.One
            : department.FlexibleLettingShare is { } s && Fraction.TryFromDecimal(s, out var f) ? f : null;
        return new FlexibleLettingPolicy(tier.FlexibleRule, null, share, tier.FlexibleClause);
    }

    private static int? Age(DateOnly? birthDate, DateOnly on)
    {
        if (birthDate is not { } b)
        {
            return null;
        }

        var age = on.Year - b.Year;
        return on.Month < b.Month || (on.Month == b.Month && on.Day < b.Day) ? age - 1 : age;
    }

    private static void Note(List<string> notes, string name)
    {
        if (!notes.Contains(name))
        {
            notes.Add(name);
        }
    }

    private static void AddDistinct(List<string> into, IReadOnlyList<string> names)
    {
        foreach (var n in names)
        {
            Note(into, n);
        }
    }

    private static CriterionResult Result(CriterionInfo c, Tri r, IReadOnlyList<MemberResult> members, IReadOnlyList<string> missing)
        => new(c.Id, c.Clause, PackId, ToOutcome(r), c.Title, members, missing, c.Documents, NoCriteria);

    private static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    private static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;

    private static Tri Not(Tri a) => a switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    private static Outcome ToOutcome(Tri t) => t switch
    {
        Tri.True => Outcome.Eligible,
        Tri.False => Outcome.Ineligible,
        _ => Outcome.Undetermined,
    };

    private static IReadOnlyList<Explanation> Rule(string id, string da, string en) => [new Explanation(id, "§ 6", PackId, new LocalizedText(da, en))];

    /// <summary>What each route requires, for every combination of the facts the route conditions read.</summary>
    private static RouteTable[] BuildRoutes()
    {
        var table = new RouteTable[4 * 3 * 4];
        string[] tiers = ["uncoloured", "green", "yellow", "red"];
        for (var t = 0; t < tiers.Length; t++)
        {
            var tier = tiers[t];
            foreach (var flag in new[] { Tri.False, Tri.True, Tri.Unknown })
            {
                foreach (var designation in new[] { DesignationClass.Unknown, DesignationClass.None, DesignationClass.Vulnerable, DesignationClass.Prevention })
                {
                    // Requirements apply unless their condition is false; the statutory ones (§ 59 stk. 6, 7) only on the municipal route.
                    var yellowTightened = tier == "yellow" && flag != Tri.False;
                    var statutory = new List<string>();
                    if (designation is DesignationClass.Unknown or DesignationClass.Vulnerable)
                    {
                        statutory.Add("s59-6");
                    }

                    if (designation is DesignationClass.Unknown or DesignationClass.Prevention)
                    {
                        statutory.Add("s59-7");
                    }

                    List<string> municipal = yellowTightened ? [Tightened, .. statutory] : statutory;
                    List<string> flexible = tier switch
                    {
                        "red" => [Tightened],
                        "yellow" => flag switch
                        {
                            Tri.True => [Tightened],
                            Tri.False => [Flexible],
                            _ => [Tightened, Flexible],
                        },
                        _ => [Flexible],
                    };
                    List<string> waitingList = tier == "red" || yellowTightened ? [Tightened] : [];
                    var summaries = new Dictionary<LettingRoute, RouteSummary>
                    {
                        [LettingRoute.Municipal] = tier == "red" ? new RouteSummary(false, NoStrings) : new RouteSummary(true, municipal),
                        [LettingRoute.Flexible] = new RouteSummary(true, flexible),
                        [LettingRoute.WaitingList] = new RouteSummary(true, waitingList),
                    };
                    var main = flexible.Count > 0 ? flexible[0] : waitingList.Count > 0 ? waitingList[0] : null;
                    table[RouteIndex(t, flag, designation)] = new RouteTable(summaries, main);
                }
            }
        }

        return table;
    }

    private static int RouteIndex(int tier, Tri flag, DesignationClass designation) => (tier * 12) + ((int)flag * 4) + (int)designation;

    private sealed record TierInfo(int Index, string Id, LocalizedText Label, Fraction MunicipalShare, string FlexibleRule, string FlexibleClause, IReadOnlyList<Explanation> Explanation, LocalizedText? WaitingListReason);

    private sealed record CriterionInfo(TightenedRule Rule, string Id, string Clause, LocalizedText Title, IReadOnlyList<LocalizedText> Documents, int? MinAge, int? MaxAge);

    private sealed record RouteTable(IReadOnlyDictionary<LettingRoute, RouteSummary> Summaries, string? MainCriteriaSet);

    /// <summary>The facts and scratch space one eligibility check shares across the criteria.</summary>
    private readonly record struct Context(DateOnly On, DateOnly TwoYearsAgo, decimal? FixedWorkIncome, List<string> Notes);
}
