using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// The explanations a person reads, pinned as snapshots (<c>Snapshots/*.verified.*</c>): eligibility in Danish and
/// English, the placement table, and the JSON the CLI writes, for representative Holbæk cases.
/// </summary>
public sealed class ExplanationSnapshotTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    public static TheoryData<string> Cases() => new(EligibilityCases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_InEnglish_MatchesSnapshot(string name)
        => Snapshot.Match(ResultText.Eligibility(Evaluate(name), Language.English), $"Holbaek_{name}.en", "txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_InDanish_MatchesSnapshot(string name)
        => Snapshot.Match(ResultText.Eligibility(Evaluate(name), Language.Danish), $"Holbaek_{name}.da", "txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_AsJson_MatchesSnapshot(string name)
        => Snapshot.Match(Json(w => ResultJson.WriteEligibility(w, Evaluate(name))), $"Holbaek_{name}", "json");

    /// <summary>
    /// The same cases as the CLI shows them (explanations asked for): each member's values against the thresholds and
    /// which branch of an "or" held (issue 12).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_ExplainedInDanish_MatchesSnapshot(string name)
        => Snapshot.Match(ResultText.Eligibility(Evaluate(name, explain: true), Language.Danish), $"Holbaek_{name}.explained.da", "txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_ExplainedInEnglish_MatchesSnapshot(string name)
        => Snapshot.Match(ResultText.Eligibility(Evaluate(name, explain: true), Language.English), $"Holbaek_{name}.explained.en", "txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_ExplainedAsJson_MatchesSnapshot(string name)
        => Snapshot.Match(Json(w => ResultJson.WriteEligibility(w, Evaluate(name, explain: true))), $"Holbaek_{name}.explained", "json");

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    public void Placements_OfTheSampleDepartments_MatchSnapshot(string language)
    {
        var pack = Repo.Pack("holbaek-2024");
        var placements = Departments().Select(d => pack.Place(new PlacementRequest(d, On))).ToList();

        Snapshot.Match(ResultText.Placements(placements, language == "da" ? Language.Danish : Language.English), $"Holbaek_Placements.{language}", "txt");
    }

    [Fact]
    public void Placements_AsJson_MatchSnapshot()
    {
        var pack = Repo.Pack("holbaek-2024");

        var json = Json(w =>
        {
            w.WriteStartArray();
            foreach (var d in Departments())
            {
                ResultJson.WritePlacement(w, pack.Place(new PlacementRequest(d, On)));
            }

            w.WriteEndArray();
        });

        Snapshot.Match(json, "Holbaek_Placements", "json");
    }

    private static readonly Dictionary<string, Func<bool, EligibilityResult>> EligibilityCases = new(StringComparer.Ordinal)
    {
        // A family of four with a 16-year-old at school, all meeting appendix 3: eligible from the waiting list of a red department.
        ["RedWaitingList_Eligible"] = explain => Check(
            Department("HB-104", 0.4501m),
            Build.Household("case-001", Build.Worker("m1", Aged(41)), Build.Worker("m2", Aged(39), MemberRole.Partner, 24500m), Build.Child("m3", Aged(16)), Build.Child("m4", Aged(9))),
            LettingRoute.WaitingList,
            explain),

        // A 35-year-old with primary school only, earning below the threshold, on cash benefit until 20 months ago:
        // municipal allocation into a yellow department with particular problems fails nr. 2, 3 and 4.
        ["YellowMunicipal_Ineligible"] = explain => Check(
            Department("HB-103", 0.42m, particularProblems: true),
            Build.Household(
                "case-002",
                Build.Worker("m1", Aged(35), monthlyGrossIncome: 15000m) with
                {
                    Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Primary, ApprovedInDenmark = true } },
                    Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-30), To = On.AddMonths(-20) }],
                }),
            LettingRoute.Municipal,
            explain),

        // A jobless 45-year-old who divorced three years ago and has not said whether a home was sold: undetermined on
        // the flexible route of a green department, naming the missing fact and the document to request.
        ["GreenFlexible_Undetermined"] = explain => Check(
            Department("HB-101", 0.30m),
            Build.Household("case-003", Build.Worker("m1", Aged(45)) with { Employment = [] }) with
            {
                CurrentOrganisation = "Holbæk Boligselskab",
                Divorce = new Divorce { Date = On.AddYears(-3), ChildrenUnder18AtHome = true },
            },
            LettingRoute.Flexible,
            explain),
    };

    private static EligibilityResult Evaluate(string name, bool explain = false) => EligibilityCases[name](explain);

    private static EligibilityResult Check(Department department, Household household, LettingRoute route, bool explain)
        => Repo.Pack("holbaek-2024").Check(new EligibilityRequest(department, household, route, On) { Explain = explain });

    private static Department Department(string id, decimal? outsideLabourMarketShare, bool particularProblems = false)
        => Build.Department(id, outsideLabourMarketShare) with
        {
            Organisation = "Holbæk Boligselskab",
            Municipality = "Holbæk",
            Flags = particularProblems ? ["particularProblems"] : [],
            FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"],
        };

    private static IEnumerable<Department> Departments() =>
    [
        Department("HB-101", 0.30m),
        Department("HB-102", 0.3001m) with { FlexibleLettingShare = null },
        Department("HB-103", 0.42m, particularProblems: true),
        Department("HB-104", 0.4501m),
        Department("HB-105", null),
    ];

    private static DateOnly Aged(int years) => On.AddYears(-years).AddMonths(-2);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
