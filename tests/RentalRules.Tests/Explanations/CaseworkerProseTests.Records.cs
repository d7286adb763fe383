using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// An any/all over a member's records names the record that decided it (issue 12 item 2), and the glossary the prose
/// is written with is complete for the fact schema. Snapshots pin representative explanations in both languages.
/// </summary>
public sealed partial class CaseworkerProseTests
{
    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 1")]
    public void Check_MemberConvictedUnderThePenalCodeLastNovember_NamesTheConvictionThatDecided()
    {
        // Bilag 3 nr. 1: "ikke inden for de seneste to år er dømt efter straffeloven, våbenloven eller lov om
        // euforiserende stoffer". A member convicted under the penal code on 2024-11-03 (and under another act in 2019)
        // fails it: the explanation names the conviction that decided, by its act and date, in words.
        var member = Build.Worker("m1", new DateOnly(1985, 2, 1)) with
        {
            Convictions = [new Conviction { Date = new DateOnly(2019, 5, 1), Act = ConvictionAct.Other }, new Conviction { Date = new DateOnly(2024, 11, 3), Act = ConvictionAct.PenalCode }],
        };
        var result = Explained("holbaek-2024", Red(), Build.Household("case-911", member), LettingRoute.WaitingList);

        var line = Criteria.Find(result, "holbaek-b3-1-convictions").Members.Single();

        Assert.Equal(Outcome.Ineligible, line.Outcome);
        Assert.Equal(
            "mindst én af medlemmets domme, hvor dommens lovgrundlag er straffeloven, våbenloven eller lov om euforiserende stoffer og dommens dato ligger inden for de seneste 2 år: ja (dom efter straffeloven af 2024-11-03)",
            line.Detail!.Da);
        Assert.Equal(
            "at least one of the member's convictions where the conviction's act is the Penal Code, the Weapons Act or the Euphoriants Act and the conviction's date lies within the last 2 years: yes (conviction under the Penal Code of 2024-11-03)",
            line.Detail.En);
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 1")]
    public void Check_MemberWithOnlyAnOldConviction_SaysHowManyThereWereAndThatNoneDecided()
    {
        var member = Build.Worker("m1", new DateOnly(1985, 2, 1)) with { Convictions = [new Conviction { Date = new DateOnly(2019, 5, 1), Act = ConvictionAct.PenalCode }] };
        var result = Explained("holbaek-2024", Red(), Build.Household("case-912", member), LettingRoute.WaitingList);

        var line = Criteria.Find(result, "holbaek-b3-1-convictions").Members.Single();

        Assert.Equal(Outcome.Eligible, line.Outcome);
        Assert.EndsWith(": nej (1 dom, ingen opfylder det)", line.Detail!.Da, StringComparison.Ordinal);
        Assert.EndsWith(": no (1 conviction, none meets it)", line.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 1")]
    public void Check_MembersWithDifferentNumbersOfOldConvictions_EachSaysItsOwnCount()
    {
        // The count texts are said once per date and count (up to 8) and shared; each member must still get its own
        // count, in any order, also past the counts kept (12) and back.
        static Member Convicted(string id, int count) => Build.Worker(id, new DateOnly(1985, 2, 1)) with
        {
            Convictions = [.. Enumerable.Range(0, count).Select(i => new Conviction { Date = new DateOnly(2015, 1, 1).AddDays(i), Act = ConvictionAct.PenalCode })],
        };

        foreach (var counts in new[] { new[] { 1, 2, 8, 12, 2, 1 }, [12, 8, 1, 2] })
        {
            var result = Explained("holbaek-2024", Red(), Build.Household("case-915", [.. counts.Select((n, i) => Convicted($"m{i + 1}", n))]), LettingRoute.WaitingList);
            var lines = Criteria.Find(result, "holbaek-b3-1-convictions").Members;

            Assert.Equal(counts.Length, lines.Count);
            for (var i = 0; i < counts.Length; i++)
            {
                var n = counts[i];
                Assert.Equal(Outcome.Eligible, lines[i].Outcome);
                Assert.EndsWith($": nej ({n} {(n == 1 ? "dom" : "domme")}, ingen opfylder det)", lines[i].Detail!.Da, StringComparison.Ordinal);
                Assert.EndsWith($": no ({n} {(n == 1 ? "conviction" : "convictions")}, none meets it)", lines[i].Detail!.En, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 3")]
    public void Check_MemberOnCashBenefit_NamesTheBenefitAndItsPeriod()
    {
        // Bilag 3 nr. 3: no public support within the last two years (SU, holiday pay … excepted). Cash benefit from
        // 2024-01-01 to 2024-07-01 decides it; the SU record beside it does not.
        var member = Build.Worker("m1", new DateOnly(1985, 2, 1)) with
        {
            Benefits = [new Benefit { Type = BenefitType.Su, From = new DateOnly(2023, 9, 1), To = new DateOnly(2024, 1, 1) }, new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 7, 1) }],
        };
        var result = Explained("holbaek-2024", Red(), Build.Household("case-913", member), LettingRoute.WaitingList);

        var line = Criteria.Find(result, "holbaek-b3-3-public-support").Members.Single();

        Assert.Equal(Outcome.Ineligible, line.Outcome);
        Assert.EndsWith(": ja (ydelse: kontanthjælp fra 2024-01-01 til 2024-07-01)", line.Detail!.Da, StringComparison.Ordinal);
        Assert.EndsWith(": yes (benefit: cash benefit from 2024-01-01 to 2024-07-01)", line.Detail.En, StringComparison.Ordinal);
        Assert.Contains("ydelsens art er hverken SU, feriedagpenge", line.Detail.Da, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 1")]
    public void Check_NamingTheRecordThatDecided_StaysInTheExplanationAndOutOfAPlainCheck()
    {
        // The record is the household's: only an explained check (for the caseworker) names it.
        var member = Build.Worker("m1", new DateOnly(1985, 2, 1)) with { Convictions = [new Conviction { Date = new DateOnly(2024, 11, 3), Act = ConvictionAct.PenalCode }] };
        var plain = Repo.Pack("holbaek-2024").Check(new EligibilityRequest(Red(), Build.Household("case-914", member), LettingRoute.WaitingList, On));

        Assert.All(plain.Criteria.SelectMany(c => c.Members), m => Assert.Null(m.Detail));
        Assert.DoesNotContain("2024-11-03", ResultText.Eligibility(plain, Language.Danish), StringComparison.Ordinal);
        Assert.DoesNotContain("2024-11-03", ResultJson.ToJson(plain), StringComparison.Ordinal);
    }

    [Fact]
    public void Glossary_NamesEveryFactAndEveryEnumValueOfTheSchemaInBothLanguages()
    {
        var types = new List<FactType>();
        void Walk(FactType t)
        {
            if (types.Contains(t))
            {
                return;
            }

            types.Add(t);
            foreach (var f in t.Fields)
            {
                if (f.Type.Object is { } inner)
                {
                    Walk(inner);
                }
            }
        }

        foreach (var root in FactSchema.RootNames)
        {
            Walk(FactSchema.RootType(root));
        }

        var missing = new List<string>();
        foreach (var language in new[] { Language.Danish, Language.English })
        {
            foreach (var root in FactSchema.RootNames)
            {
                if (FactGlossary.NounOf(root, language) is null)
                {
                    missing.Add($"{language.Code()}: noun {root}");
                }
            }

            foreach (var t in types)
            {
                foreach (var f in t.Fields)
                {
                    if (FactGlossary.Fact(t.Name + "." + f.Name, language) is null)
                    {
                        missing.Add($"{language.Code()}: fact {t.Name}.{f.Name}");
                    }

                    if (f.Type is { Kind: VKind.List, Object: { } item } && (FactGlossary.NounOf(item, language) is null || FactGlossary.Item(item.Name, language) is null))
                    {
                        missing.Add($"{language.Code()}: record {item.Name}");
                    }

                    foreach (var value in f.Type.EnumValues ?? [])
                    {
                        if (FactGlossary.Value(f.Type.EnumName!, value, language) is null)
                        {
                            missing.Add($"{language.Code()}: value {f.Type.EnumName}.{value}");
                        }
                    }
                }
            }
        }

        Assert.Empty(missing);

        // And nothing in it that the schema does not have (a renamed fact would leave its words behind).
        var facts = types.SelectMany(t => t.Fields.Select(f => t.Name + "." + f.Name)).ToHashSet(StringComparer.Ordinal);
        var stale = FactGlossary.Keys.Where(k => k.Split('|') is [var key, _] && key.Contains('.', StringComparison.Ordinal) && !facts.Contains(key)).ToList();
        Assert.Empty(stale);
    }

    [Theory]
    [InlineData("member.convictions", "medlemmets domme", "the member's convictions")]
    [InlineData("applicant.employment[].workplaceMunicipality", "ansættelsens arbejdsstedets kommune (ansøgerens ansættelser)", "the employment's workplace municipality (the applicant's employments)")]
    [InlineData("department.keyFigures.convictedShare", "afdelingens andel dømte beboere", "the department's share of convicted residents")]
    [InlineData("household.educationPerspective", "om husstanden har et uddannelsesperspektiv (kommunens vurdering)", "whether the household has an education perspective (the municipality's assessment)")]
    [InlineData("vacancy", "boligen", "the dwelling")]
    public void Glossary_MissingFact_IsNamedInWords(string name, string da, string en)
    {
        Assert.Equal(da, FactGlossary.Missing(name, Language.Danish));
        Assert.Equal(en, FactGlossary.Missing(name, Language.English));
    }

    public static TheoryData<string, string, string, string, string> Representative => new()
    {
        { "holbaek-red-samples", "holbaek-2024", "samples/holbaek/department-red.json", "samples/holbaek/households.json", "flexible" },
        { "hoeje-taastrup-level-3-samples", "hoeje-taastrup-2023", "samples/hoeje-taastrup/departments.json", "samples/hoeje-taastrup/households.json", "waitingList" },
        { "statutory-municipal-samples", "dk-statutory-restrictions", "samples/hoeje-taastrup/department-prevention.json", "samples/hoeje-taastrup/households.json", "municipal" },
    };

    [Theory]
    [MemberData(nameof(Representative))]
    public void Snapshot_RepresentativeExplanations_InBothLanguages(string name, string packId, string departments, string households, string route)
    {
        var pack = Repo.Pack(packId);
        var department = FactReader.ReadDepartments(File.ReadAllText(Repo.Path(departments))).GetValueOrThrow().Items[0];
        var letting = Enum.GetValues<LettingRoute>().Single(r => ResultJson.RouteName(r) == route);
        var texts = new System.Text.StringBuilder();
        foreach (var household in FactReader.ReadHouseholds(File.ReadAllText(Repo.Path(households))).GetValueOrThrow().Items)
        {
            var result = pack.Check(new EligibilityRequest(department, household, letting, On) { Explain = true });
            texts.AppendLine(ResultText.Eligibility(result, Language.Danish)).AppendLine(ResultText.Eligibility(result, Language.English));
        }

        Snapshot.Match(texts.ToString(), "caseworker-" + name);
    }

    private static EligibilityResult Explained(string packId, Department department, Household household, LettingRoute route)
        => Repo.Pack(packId).Check(new EligibilityRequest(department, household, route, On) { Explain = true });

    private static Department Red()
        => Build.Department("HB-104", 0.4501m) with
        {
            Organisation = "Holbæk Boligselskab",
            Municipality = "Holbæk",
            FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"],
        };
}
