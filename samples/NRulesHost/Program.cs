using NRules;
using NRules.Fluent;
using RentalRules;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.NRules;
using RentalRules.Packs;

namespace NRulesHost;

/// <summary>
/// Run from the repository root: <c>dotnet run --project samples/NRulesHost</c>. Loads the Holbæk pack, compiles it
/// into one NRules session factory with the host's own rules (<c>HostRules.cs</c>), inserts the red sample
/// department, the sample households and one waiting-list request per household, fires, and prints what the host's
/// rules made of the eligibility results: an offer for an eligible household, a letter asking for the missing facts
/// and documents for an undetermined one, a refusal citing the clause for an ineligible one.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <returns>0.</returns>
    public static int Main()
    {
        Run(Console.Out, "rules/holbaek-2024.json", "samples/holbaek/department-red.json", "samples/holbaek/households.json");
        return 0;
    }

    /// <summary>The sample, writing to <paramref name="output"/> (the tests call it directly).</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="packPath">The pack.</param>
    /// <param name="departmentPath">The department file.</param>
    /// <param name="householdsPath">The households file.</param>
    public static void Run(TextWriter output, string packPath, string departmentPath, string householdsPath)
    {
        var pack = RulePackLoader.Load(packPath).GetValueOrThrow();
        var department = FactReader.ReadDepartments(File.ReadAllText(departmentPath), departmentPath).GetValueOrThrow().Items[0];
        var households = FactReader.ReadHouseholds(File.ReadAllText(householdsPath), householdsPath).GetValueOrThrow().Items;

        // The pack's rules (built from the loaded pack) and the host's (written with NRules' fluent DSL) in one factory.
        var hostRules = new RuleRepository();
        hostRules.Load(x => x.From(typeof(OfferToEligible).Assembly));
        var factory = new RuleCompiler().Compile(hostRules.GetRuleSets().Append(pack.ToRuleSet()));

        var session = factory.CreateSession();
        session.Insert(department);
        var on = new DateOnly(2025, 3, 1);
        foreach (var household in households)
        {
            session.Insert(household);
            session.Insert(new EligibilityRequest(department, household, LettingRoute.WaitingList, on));
        }

        session.Fire();

        foreach (var offer in session.Query<Offer>().OrderBy(o => o.HouseholdId, StringComparer.Ordinal))
        {
            output.WriteLine($"offer    {offer.HouseholdId}: {offer.DepartmentId} from the waiting list ({offer.Tier} department, {offer.Criteria} criteria met)");
        }

        foreach (var letter in session.Query<DocumentLetter>().OrderBy(l => l.HouseholdId, StringComparer.Ordinal))
        {
            output.WriteLine($"letter   {letter.HouseholdId}: please send {string.Join("; ", letter.Documents)} (missing: {string.Join(", ", letter.Missing)})");
        }

        foreach (var refusal in session.Query<Refusal>().OrderBy(r => r.HouseholdId, StringComparer.Ordinal))
        {
            output.WriteLine($"refusal  {refusal.HouseholdId}: {refusal.Criterion} ({refusal.Clause}) not met");
        }
    }
}
