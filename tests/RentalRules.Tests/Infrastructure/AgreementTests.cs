using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>The shipped pack an agreement test class reads, by id (e.g. <c>holbaek-2024</c>).</summary>
public interface IAgreementPack
{
    /// <summary>The pack's id.</summary>
    static abstract string PackId { get; }
}

/// <summary>
/// The shared part of the agreement test classes: the pack, the evaluation date every case is written against, and
/// placing, checking and finding a criterion in a result. A class names its pack once:
/// <c>sealed class HolbaekPackTests : AgreementTests&lt;HolbaekPackTests&gt;, IAgreementPack</c>.
/// </summary>
/// <typeparam name="TPack">The test class itself, which names its pack.</typeparam>
public abstract class AgreementTests<TPack>
    where TPack : IAgreementPack
{
    /// <summary>The evaluation date of every case (inside every shipped agreement's period).</summary>
    protected static readonly DateOnly On = new(2025, 3, 1);

    /// <summary>The pack, loaded once for the test run.</summary>
    protected static RulePack Pack => Repo.Pack(TPack.PackId);

    /// <summary>Places a department on <see cref="On"/>.</summary>
    protected static PlacementResult Place(Department department) => Pack.Place(new PlacementRequest(department, On));

    /// <summary>Checks a household for a route into a department on <see cref="On"/>.</summary>
    protected static EligibilityResult Check(Department department, Household household, LettingRoute route)
        => Pack.Check(new EligibilityRequest(department, household, route, On));

    /// <summary>The criterion with the id, wherever it is in the result's tree (see <see cref="Criteria.Find"/>).</summary>
    protected static CriterionResult Criterion(EligibilityResult result, string id) => Criteria.Find(result, id);
}

/// <summary>Walking an eligibility result's criteria: one meaning for every test.</summary>
public static class Criteria
{
    /// <summary>Every criterion of the result, depth first: each criterion, then its children.</summary>
    public static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> criteria)
        => criteria.SelectMany(c => Flatten(c.Children).Prepend(c));

    /// <summary>The criterion with the id anywhere in the result; fails naming the ids there are when there is none.</summary>
    public static CriterionResult Find(EligibilityResult result, string id)
        => Flatten(result.Criteria).FirstOrDefault(c => c.Id == id)
            ?? throw new Xunit.Sdk.XunitException($"No criterion '{id}' in the result; it has: {string.Join(", ", Flatten(result.Criteria).Select(c => c.Id))}.");
}
