using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Samples;

/// <summary>
/// <c>samples/NRulesHost</c>: a host's own NRules rules react to the eligibility results the Holbæk pack's rules insert
/// into the same session: case-001 (two adults in work) is offered HB-104, case-002 (a conviction within two years) is
/// refused under appendix 3 no. 1, case-003 (convictions unknown) is asked for its criminal record certificate.
/// </summary>
public sealed class NRulesHostSampleTests
{
    [Fact]
    public void Run_HolbaekSamples_OffersRefusesAndAsksForDocumentsByTheResults()
    {
        var output = new StringWriter();

        NRulesHost.Program.Run(output, Repo.Path("rules", "holbaek-2024.json"), Repo.Path("samples", "holbaek", "department-red.json"), Repo.Path("samples", "holbaek", "households.json"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("offer    case-001: HB-104 from the waiting list (red department, 4 criteria met)", lines[0]);
        Assert.StartsWith("letter   case-003: please send ", lines[1]);
        Assert.Contains("Criminal record certificate for household members aged 15 or over", lines[1]);
        Assert.EndsWith("(missing: member.convictions)", lines[1]);
        Assert.Equal("refusal  case-002: holbaek-b3-1-convictions (bilag 3 nr. 1) not met", lines[2]);
    }
}
