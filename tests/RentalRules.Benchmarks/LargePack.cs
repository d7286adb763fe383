using System.Globalization;
using System.Text;
using NRules;
using RentalRules.NRules;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// The Holbæk pack, and a draft of it with 1 000 extra rules that the benchmark inputs never reach: 500 placement rules
/// after the four of § 6 (hit policy first: red decides before them) and 500 criteria sets that no route uses. The
/// native evaluator's cost should follow the rules it evaluates, not the size of the pack.
/// </summary>
internal static class LargePack
{
    /// <summary>How many rules the draft adds.</summary>
    public const int ExtraRules = 1000;

    /// <summary>The pack for a <c>[Params]</c> value: <c>holbaek</c> or <c>holbaek+1000</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The loaded pack.</returns>
    public static RulePack Load(string name) => name switch
    {
        "holbaek" => RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow(),
        "holbaek+1000" => RulePackLoader.LoadFromText(Draft(), "holbaek-2024-plus-1000.json", id => id == "holbaek-2024" ? BenchmarkInputs.HolbaekPackPath : null).GetValueOrThrow(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use holbaek or holbaek+1000."),
    };

    /// <summary>The pack's rules compiled into an NRules session factory.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The factory.</returns>
    public static ISessionFactory Factory(RulePack pack) => new RuleCompiler().Compile([pack.ToRuleSet()]);

    private static string Draft()
    {
        var b = new StringBuilder();
        b.Append("""{"id":"holbaek-2024-plus-1000","version":"0.1.0","title":"Holbæk with 1000 extra rules (benchmark)","status":"draft","extends":["holbaek-2024"],"placement":{"rules":[""");
        for (var i = 0; i < ExtraRules / 2; i++)
        {
            b.Append(i == 0 ? "" : ",");
            var n = i.ToString(CultureInfo.InvariantCulture);
            b.Append("{\"id\":\"extra-" + n + "\",\"clause\":\"§ 6\",\"when\":\"department.residents = " + (1_000_000 + i).ToString(CultureInfo.InvariantCulture) + "\",\"tier\":\"green\",\"reason\":{\"da\":\"Ekstra regel " + n + ".\",\"en\":\"Extra rule " + n + ".\"}}");
        }

        b.Append("]},\"criteriaSets\":{");
        for (var i = 0; i < ExtraRules / 2; i++)
        {
            b.Append(i == 0 ? "" : ",");
            var n = i.ToString(CultureInfo.InvariantCulture);
            b.Append("\"extra-set-" + n + "\":{\"title\":{\"da\":\"Ekstra " + n + "\",\"en\":\"Extra " + n + "\"},\"clause\":\"bilag 3\",\"combine\":\"all\",\"criteria\":[{\"id\":\"extra-criterion-" + n + "\",\"clause\":\"bilag 3\",\"title\":{\"da\":\"Ekstra " + n + "\",\"en\":\"Extra " + n + "\"},\"condition\":\"household.residentMunicipality = 'X" + n + "'\"}]}");
        }

        b.Append("}}");
        return b.ToString();
    }
}
