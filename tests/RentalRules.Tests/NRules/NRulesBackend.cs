using System.Collections.Concurrent;
using NRules;
using RentalRules.Evaluation;
using RentalRules.NRules;
using RentalRules.Packs;

namespace RentalRules.Tests.NRules;

/// <summary>A shipped pack's rule set compiled once per pack, and a fresh session per question.</summary>
internal static class NRulesBackend
{
    private static readonly ConcurrentDictionary<RulePack, ISessionFactory> Factories = new();

    public static ISessionFactory Factory(RulePack pack) => Factories.GetOrAdd(pack, p => new RuleCompiler().Compile([p.ToRuleSet()]));

    /// <summary>Places the department and checks the household in one session; returns both results.</summary>
    public static (PlacementResult Placement, EligibilityResult Eligibility) Evaluate(RulePack pack, EligibilityRequest request)
    {
        var session = Factory(pack).CreateSession();
        session.Insert(new PlacementRequest(request.Department, request.On));
        session.Insert(request);
        session.Fire();
        return (session.Query<PlacementResult>().Single(), session.Query<EligibilityResult>().Single());
    }
}
