using System.Globalization;
using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>
/// Finds gaps, overlaps and unreachable rules in a placement table by evaluating it on every combination of the
/// values that matter: for each numeric fact the conditions compare, its thresholds and the points between them; for
/// booleans and designations every value. A combination no rule places is a gap ("0.30 &lt; share &lt; 0.31"); a rule
/// that never decides any combination is unreachable; with hit policy <c>unique</c>, two rules deciding the same
/// combination overlap.
/// </summary>
internal static class PlacementGaps
{
    private const int MaxCombinations = 20_000;

    /// <summary>
    /// Rule evaluations the analysis may spend on one date (combinations × rules). A larger table is not analysed, so
    /// the analysis costs at most this much however many rules a pack has: it stays linear in the pack's size.
    /// </summary>
    private const long MaxEvaluations = 100_000;

    private delegate Department Setter(Department d, object? value);

    private sealed record Candidate(object? Value, string Label);

    private sealed record Dimension(string Fact, IReadOnlyList<Candidate> Candidates, Setter Set);

    /// <param name="pack">The pack.</param>
    /// <param name="alreadyUnreachable">Rules already reported unreachable (e.g. after an always-true rule); not reported again.</param>
    public static IEnumerable<Diagnostic> Analyse(RulePack pack, IReadOnlySet<string> alreadyUnreachable)
    {
        IReadOnlyList<PlacementRule> rules = pack.PlacementRules;
        if (rules.Count == 0)
        {
            yield break;
        }

        // Parameters change over time (yearly figures, suspension periods): analyse the table on every date in the
        // pack's validity where a parameter takes a new value. A rule is unreachable only if it decides on no date.
        var first = pack.ValidFrom ?? pack.Parameters.Values.SelectMany(p => p.Values).Select(v => (DateOnly?)v.From).Min() ?? new DateOnly(2025, 1, 1);
        var dates = pack.Parameters.Values.SelectMany(p => p.Values).Select(v => v.From)
            .Where(d => d > first && (pack.ValidTo is null || d <= pack.ValidTo))
            .Append(first).Distinct().Order().Take(24).ToList();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var gaps = new List<string>();
        var overlaps = new List<string>();
        foreach (var on in dates)
        {
            var dated = dates.Count > 1 ? $" (on {on:yyyy-MM-dd})" : "";
            if (!AnalyseOn(pack, rules, on, decided, gaps, overlaps, dated, out var combinations))
            {
                if (combinations > 0)
                {
                    // Too large to try every combination within the budget: say so, rather than let silence pass for "no gaps".
                    yield return Descriptors.PlacementNotAnalysed.At(rules[0].Location with { JsonPath = "$.placement.rules" }, rules.Count, combinations > MaxCombinations ? $"more than {MaxCombinations}" : combinations.ToString(CultureInfo.InvariantCulture), MaxEvaluations);
                }

                yield break;
            }
        }

        foreach (var gap in gaps)
        {
            yield return Descriptors.PlacementGap.At(rules[0].Location with { JsonPath = "$.placement.rules" }, gap);
        }

        foreach (var overlap in overlaps)
        {
            yield return Descriptors.PlacementOverlap.At(rules[0].Location with { JsonPath = "$.placement.rules" }, overlap);
        }

        foreach (var rule in rules.Where(r => !decided.Contains(r.Id) && !alreadyUnreachable.Contains(r.Id)))
        {
            yield return Descriptors.NeverPlacingRule.At(rule.Location, rule.Id);
        }
    }

    // combinations: when the table is too large to analyse, the combinations it would take (capped above MaxCombinations); else 0.
    private static bool AnalyseOn(RulePack pack, IReadOnlyList<PlacementRule> rules, DateOnly on, HashSet<string> decided, List<string> gaps, List<string> overlaps, string dated, out long combinations)
    {
        combinations = 0;
        var facts = rules.SelectMany(r => r.When.References.Facts).Where(f => f.StartsWith("department.", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var dimensions = new List<Dimension>();
        foreach (var fact in facts)
        {
            if (Dimensions.TryGetValue(fact, out var make))
            {
                dimensions.Add(make(pack, rules, on));
            }
            else if (fact is not ("department.keyFigures" or "department.id" or "department.name" or "department.organisation" or "department.municipality"))
            {
                return false; // A fact the analysis cannot vary: say nothing rather than something wrong.
            }
        }

        var product = 1L;
        foreach (var d in dimensions)
        {
            // Stop multiplying past the cap: many dimensions must not wrap the product round to a small number.
            product = Math.Min(product * d.Candidates.Count, MaxCombinations + 1);
        }

        if (product > MaxCombinations || product * rules.Count > MaxEvaluations)
        {
            combinations = product;
            return false;
        }

        var scope = pack.NewScope(on);
        foreach (var combination in Combinations(dimensions))
        {
            var department = new Department { Id = "analysis", KeyFigures = new KeyFigures() };
            for (var i = 0; i < dimensions.Count; i++)
            {
                department = dimensions[i].Set(department, combination[i].Value);
            }

            scope.Department = department;
            var hits = new List<PlacementRule>();
            var unknown = false;
            foreach (var rule in rules)
            {
                var mark = scope.MissingCount;
                var r = rule.When.Evaluate(scope);
                scope.ResetMissing(mark);
                if (r == Tri.True)
                {
                    hits.Add(rule);
                    if (pack.HitPolicy == HitPolicy.First)
                    {
                        break;
                    }
                }
                else if (r == Tri.Unknown)
                {
                    unknown = true;
                    if (pack.HitPolicy == HitPolicy.First && hits.Count == 0)
                    {
                        break;
                    }
                }
            }

            if (hits.Count > 0)
            {
                decided.Add(hits[0].Id);
            }

            string Where() => string.Join(", ", dimensions.Select((d, i) => $"{d.Fact} {combination[i].Label}"));
            if (hits.Count == 0 && !unknown && gaps.Count < 5)
            {
                gaps.Add(Where() + dated);
            }

            if (hits.Count > 1 && overlaps.Count < 5)
            {
                overlaps.Add($"'{hits[0].Id}' and '{hits[1].Id}' both hold where {Where()}{dated}");
            }
        }

        return true;
    }

    private static IEnumerable<Candidate[]> Combinations(List<Dimension> dimensions)
    {
        var index = new int[dimensions.Count];
        while (true)
        {
            yield return dimensions.Select((d, i) => d.Candidates[index[i]]).ToArray();
            var k = 0;
            while (k < dimensions.Count && ++index[k] == dimensions[k].Candidates.Count)
            {
                index[k] = 0;
                k++;
            }

            if (k == dimensions.Count)
            {
                yield break;
            }
        }
    }

    private static Dimension Numeric(string fact, RulePack pack, IEnumerable<PlacementRule> rules, DateOnly on, bool share, Setter set)
    {
        var thresholds = new SortedSet<decimal>();
        foreach (var (f, constant, parameter) in rules.SelectMany(r => r.When.References.Thresholds))
        {
            if (f != fact)
            {
                continue;
            }

            if (constant is { } c)
            {
                thresholds.Add(c);
            }
            else if (parameter is not null && pack.ParameterValue(parameter, on) is { } v)
            {
                thresholds.Add(v);
            }
        }

        var candidates = new List<Candidate>();
        var list = thresholds.ToList();
        // Thresholds may be anywhere in decimal's range (a pack's 79228162514264337593543950335): step and halve
        // without overflowing.
        var low = share ? 0m : (list.Count > 0 ? Math.Min(0, list[0] > decimal.MinValue + 1 ? list[0] - 1 : list[0]) : 0m);
        var high = share ? 1m : (list.Count > 0 ? (list[^1] < decimal.MaxValue - 1 ? list[^1] + 1 : list[^1]) : 1m);
        decimal previous = low;
        var havePrevious = false;
        if (list.Count == 0 || list[0] > low)
        {
            candidates.Add(new Candidate(low, "= " + Fmt(low)));
            havePrevious = true;
        }

        foreach (var t in list)
        {
            if (havePrevious && t > previous)
            {
                candidates.Add(new Candidate(Mid(previous, t), $"between {Fmt(previous)} and {Fmt(t)} (e.g. {Fmt(Mid(previous, t))})"));
            }

            candidates.Add(new Candidate(t, "= " + Fmt(t)));
            previous = t;
            havePrevious = true;
        }

        if (!havePrevious || previous < high)
        {
            candidates.Add(new Candidate(Mid(previous, high), $"between {Fmt(previous)} and {Fmt(high)} (e.g. {Fmt(Mid(previous, high))})"));
            candidates.Add(new Candidate(high, "= " + Fmt(high)));
        }

        candidates.Add(new Candidate(null, "missing"));
        return new Dimension(fact, candidates, set);
    }

    private static decimal Mid(decimal a, decimal b) => (a / 2) + (b / 2);

    /// <summary>A count the analysis tries, as the fact's type holds it: rounded, and within 0 … <see cref="int.MaxValue"/>.</summary>
    private static int? Count(object? v) => v is null ? null : (int)Math.Clamp(Math.Round((decimal)v), 0m, int.MaxValue);

    private static string Fmt(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    private static KeyFigures Kf(Department d) => d.KeyFigures ?? new KeyFigures();

    private static readonly Dictionary<string, Func<RulePack, IReadOnlyList<PlacementRule>, DateOnly, Dimension>> Dimensions = new(StringComparer.Ordinal)
    {
        ["department.keyFigures.outsideLabourMarketShare"] = (p, r, on) => Numeric("department.keyFigures.outsideLabourMarketShare", p, r, on, true, (d, v) => d with { KeyFigures = Kf(d) with { OutsideLabourMarketShare = (decimal?)v } }),
        ["department.keyFigures.convictedShare"] = (p, r, on) => Numeric("department.keyFigures.convictedShare", p, r, on, true, (d, v) => d with { KeyFigures = Kf(d) with { ConvictedShare = (decimal?)v } }),
        ["department.keyFigures.primaryEducationOnlyShare"] = (p, r, on) => Numeric("department.keyFigures.primaryEducationOnlyShare", p, r, on, true, (d, v) => d with { KeyFigures = Kf(d) with { PrimaryEducationOnlyShare = (decimal?)v } }),
        ["department.keyFigures.nonWesternShare"] = (p, r, on) => Numeric("department.keyFigures.nonWesternShare", p, r, on, true, (d, v) => d with { KeyFigures = Kf(d) with { NonWesternShare = (decimal?)v } }),
        ["department.keyFigures.incomeRatio"] = (p, r, on) => Numeric("department.keyFigures.incomeRatio", p, r, on, false, (d, v) => d with { KeyFigures = Kf(d) with { IncomeRatio = (decimal?)v } }),
        ["department.residents"] = (p, r, on) => Numeric("department.residents", p, r, on, false, (d, v) => d with { Residents = Count(v) }),
        ["department.dwellings"] = (p, r, on) => Numeric("department.dwellings", p, r, on, false, (d, v) => d with { Dwellings = Count(v) }),
        ["department.turnoverRate"] = (p, r, on) => Numeric("department.turnoverRate", p, r, on, true, (d, v) => d with { TurnoverRate = (decimal?)v }),
        ["department.flexibleLettingShare"] = (p, r, on) => Numeric("department.flexibleLettingShare", p, r, on, true, (d, v) => d with { FlexibleLettingShare = (decimal?)v }),
        ["department.rehousing"] = (p, r, on) => new Dimension("department.rehousing", [new(false, "= false"), new(true, "= true")], (d, v) => d with { Rehousing = (bool?)v }),
        ["department.developmentPlan"] = (p, r, on) => new Dimension("department.developmentPlan", [new(false, "= false"), new(true, "= true")], (d, v) => d with { DevelopmentPlan = (bool?)v }),
        ["department.designation"] = (p, r, on) => new Dimension("department.designation", Enum.GetValues<Designation>().Select(x => new Candidate(x, "= '" + EnumNames<Designation>.Name(x) + "'")).ToList(), (d, v) => d with { Designation = (Designation?)v }),
        ["department.flags"] = (p, r, on) => new Dimension("department.flags", [new(Array.Empty<string>(), "= []")], (d, v) => d with { Flags = (string[]?)v }),
        ["department.privateTakeover"] = (p, r, on) => new Dimension("department.privateTakeover", new[] { -20, -10, -5, 0, 1 }.Select(y => DateMath.AddYearsSaturating(on, y)).Distinct().Select(d => new Candidate(d, $"= {d:yyyy-MM-dd}")).ToList(), (d, v) => d with { PrivateTakeover = (DateOnly?)v }),
    };
}
