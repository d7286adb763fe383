using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Criteria: criteria sets, single criteria, member bands and their results, with why an outcome is unknown.</summary>
internal static partial class Evaluator
{
    /// <summary>A criteria set's outcome and its criteria's results, one array of the set's size.</summary>
    private static (Tri, CriterionResult[]) EvaluateSet(RulePack pack, CriteriaSetDef set, EvalScope scope, int depth)
    {
        var acc = set.All ? Tri.True : Tri.False;
        var criteria = set.Criteria;
        var results = new CriterionResult[criteria.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var (r, result) = EvaluateCriterion(pack, criteria[i], scope, depth);
            results[i] = result;
            acc = set.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
        }

        return (acc, results);
    }

    internal static (Tri, CriterionResult) EvaluateCriterion(RulePack pack, CriterionNode node, EvalScope scope, int depth)
    {
        switch (node)
        {
            case LeafCriterion { Members: null } leaf:
            {
                scope.Member = null;
                var mark = scope.MissingCount;
                var r = leaf.Condition.Evaluate(scope);
                var missing = r == Tri.Unknown ? Names(pack, scope, mark) : NoStrings;
                scope.ResetMissing(mark);
                var plain = Result(leaf, r, [], missing, []);
                return (r, WithAssumptions(leaf, scope.Explain ? plain with { Detail = pack.ExplainValues(leaf.Condition, false, scope) } : plain, scope));
            }

            case LeafCriterion leaf:
            {
                var (r, result) = EvaluateMembers(pack, leaf, scope);
                return (r, WithAssumptions(leaf, result, scope));
            }

            case GroupCriterion group:
            {
                var acc = group.All ? Tri.True : Tri.False;
                var children = new List<CriterionResult>();
                foreach (var child in group.Children)
                {
                    var (r, cr) = EvaluateCriterion(pack, child, scope, depth + 1);
                    children.Add(cr);
                    acc = group.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
                }

                return (acc, Result(group, acc, [], MissingOf(acc, children), children));
            }

            case RefCriterion reference:
            {
                var set = pack.CriteriaSets[reference.CriteriaSet];
                var (r, children) = EvaluateSet(pack, set, scope, depth + 1);
                var result = Result(reference, r, [], MissingOf(r, children), children);
                return (r, set.Documents.Count == 0 ? result : result with { Documents = [.. reference.Documents, .. set.Documents] });
            }

            default:
                throw new InvalidOperationException("Unknown criterion kind.");
        }
    }

    /// <summary>Attaches the assumed numbers the criterion rests on, rendered with their values on the evaluation date.</summary>
    private static CriterionResult WithAssumptions(LeafCriterion leaf, CriterionResult result, EvalScope scope)
    {
        if (leaf.Assumed.Count == 0 && leaf.Assumption is null)
        {
            return result;
        }

        var assumptions = leaf.Cache.Get(scope.Parameters);
        if (assumptions is null)
        {
            var list = new List<Assumption>(leaf.Assumed.Count + 1);
            if (leaf.Assumption is { } stated)
            {
                list.Add(new Assumption(null, null, new LocalizedText(
                    $"Bygger på en antagelse, som ikke står i aftalens tekst: {stated.Da}",
                    $"Rests on an assumption that is not in the agreement's text: {stated.En}")));
            }

            foreach (var p in leaf.Assumed)
            {
                list.Add(ReasonText.Assumption(p.Name, p.Title, p.Unit, p.ValueOn(DateOnly.FromDayNumber(scope.On))));
            }

            assumptions = leaf.Cache.Set(scope.Parameters, list);
        }

        return result with { Assumptions = assumptions };
    }

    private static IReadOnlyList<string> MissingOf(Tri r, IReadOnlyList<CriterionResult> children)
    {
        if (r != Tri.Unknown)
        {
            return NoStrings;
        }

        List<string>? missing = null;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is { Outcome: Outcome.Undetermined, Missing.Count: > 0 } c)
            {
                (missing ??= []).AddRange(c.Missing);
            }
        }

        return missing is null ? NoStrings : Distinct(missing);
    }

    /// <summary>Every member in the age band must meet the condition; a member of unknown age counts when the condition fails.</summary>
    private static (Tri, CriterionResult) EvaluateMembers(RulePack pack, LeafCriterion leaf, EvalScope scope)
    {
        var members = scope.Household?.Members;
        if (members is null)
        {
            scope.Member = null;
            return (Tri.Unknown, Result(leaf, Tri.Unknown, [], ["household.members"], []));
        }

        if (scope.MemberAges is null || scope.MemberAges.Length != members.Count)
        {
            var ages = new int?[members.Count];
            for (var i = 0; i < ages.Length; i++)
            {
                ages[i] = (int?)DateMath.Age(members[i].BirthDate, scope.On);
            }

            scope.MemberAges = ages;
        }

        // One pass to count the members in the band, so the per-member results are one array of the right size.
        var band = leaf.Members!;
        var banded = band.MinAge is not null || band.MaxAge is not null;
        var count = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (InBand(band, banded, scope.MemberAges[i]) != Tri.False)
            {
                count++;
            }
        }

        var acc = Tri.True;
        var perMember = count == 0 ? [] : new MemberResult[count];
        var n = 0;
        List<string>? allMissing = null;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var inBand = InBand(band, banded, scope.MemberAges[i]);
            if (inBand == Tri.False)
            {
                continue;
            }

            scope.Member = m;
            var mark = scope.MissingCount;
            var r = leaf.Condition.Evaluate(scope);
            if (inBand == Tri.Unknown && r != Tri.True)
            {
                r = Tri.Unknown;
                scope.NoteMissing(pack.FactNames.Id("member.birthDate"));
            }

            var missing = r == Tri.Unknown ? Names(pack, scope, mark) : NoStrings;
            scope.ResetMissing(mark);
            if (missing.Count > 0)
            {
                (allMissing ??= []).AddRange(missing);
            }
            perMember[n++] = scope.Explain
                ? new MemberResult(m.Id ?? $"#{i + 1}", ToOutcome(r), missing) { Age = scope.MemberAges[i], BirthDate = m.BirthDate, Detail = pack.ExplainValues(leaf.Condition, true, scope) }
                : new MemberResult(m.Id ?? $"#{i + 1}", ToOutcome(r), missing) { Age = scope.MemberAges[i] };
            acc = Kleene.And(acc, r);
        }

        scope.Member = null;
        return (acc, Result(leaf, acc, perMember, acc == Tri.Unknown && allMissing is not null ? Distinct(allMissing) : NoStrings, []));
    }

    /// <summary>Whether a member of the given age (null: unknown) is in the criterion's age band.</summary>
    private static Tri InBand(MemberBand band, bool banded, int? age)
        => !banded ? Tri.True
            : age is not { } a ? Tri.Unknown
            : Kleene.From((band.MinAge is not { } min || a >= min) && (band.MaxAge is not { } max || a <= max));

    private static CriterionResult Result(CriterionNode node, Tri r, IReadOnlyList<MemberResult> members, IReadOnlyList<string> missing, IReadOnlyList<CriterionResult> children)
        => new(node.Id, node.Clause.Id, node.Clause.Source, ToOutcome(r), node.Title, members, missing, node.Documents, children);

    /// <summary>
    /// Why a condition is unknown, as a verb phrase: the facts it needs that are missing, and/or the arithmetic that
    /// failed (a division by zero, an overflow), so that an undetermined result never says "missing ()".
    /// </summary>
    internal static (string Da, string En) WhyUnknown(IReadOnlyList<string> missing)
    {
        var facts = missing.Where(m => !FactNames.IsArithmeticReason(m)).ToList();
        var divides = missing.Contains(FactNames.ArithmeticReasons[FactNames.DivisionByZero]);
        var overflows = missing.Contains(FactNames.ArithmeticReasons[FactNames.Overflow]);
        var (arithmeticDa, arithmeticEn) = (divides, overflows) switch
        {
            (true, true) => ("dividerer med nul og overskrider talområdet", "divides by zero and exceeds the range of numbers"),
            (true, false) => ("dividerer med nul", "divides by zero"),
            (false, true) => ("overskrider talområdet i en beregning", "exceeds the range of numbers in a calculation"),
            _ => ("", ""),
        };
        if (facts.Count == 0 && arithmeticEn.Length > 0)
        {
            return (arithmeticDa, arithmeticEn);
        }

        var list = string.Join(", ", facts);
        return arithmeticEn.Length > 0
            ? ($"mangler oplysninger ({list}) og {arithmeticDa}", $"needs facts that are missing ({list}) and {arithmeticEn}")
            : ($"mangler oplysninger ({list})", $"needs facts that are missing ({list})");
    }

    /// <summary>The names of the facts noted missing since <paramref name="mark"/>.</summary>
    internal static IReadOnlyList<string> Names(RulePack pack, EvalScope scope, int mark)
    {
        var ids = scope.MissingSince(mark);
        if (ids.Length == 0)
        {
            return NoStrings;
        }

        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = pack.FactNames.Name(ids[i]);
        }

        return names;
    }
}
