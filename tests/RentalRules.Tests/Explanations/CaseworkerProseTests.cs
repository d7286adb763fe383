using System.Text.RegularExpressions;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// No ids or formulas in the caseworker's prose (issue 12): the reasons, criteria, per-member values and missing facts a
/// caseworker reads name facts and values in words, through the one glossary of the fact schema, in Danish and English;
/// ids, paths and formulas stay in the JSON fields. Every shipped and example pack is run over its sample households,
/// departments and dwellings on every route, and the texts are searched for what must not be there. An any/all over a
/// member's records names the record that decided it ("dom efter straffeloven af 2024-03-01").
/// </summary>
public sealed partial class CaseworkerProseTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    /// <summary>Per pack: its sample departments, households and vacancies.</summary>
    public static TheoryData<string, string[], string[], string[]> Samples => new()
    {
        { "holbaek-2024", ["samples/holbaek/departments.json", "samples/holbaek/department-red.json", "samples/offers/holbaek-departments.json"], ["samples/holbaek/households.json", "samples/offers/holbaek-households.json"], ["samples/holbaek/vacancies.json", "samples/offers/holbaek-vacancies.json"] },
        { "hoeje-taastrup-2023", ["samples/hoeje-taastrup/departments.json", "samples/hoeje-taastrup/department-prevention.json"], ["samples/hoeje-taastrup/households.json", "samples/ComparingDrafts/households.json"], ["samples/hoeje-taastrup/vacancies.json"] },
        { "hoeje-taastrup-private-letting-2021", ["samples/hoeje-taastrup/departments.json", "samples/hoeje-taastrup/department-prevention.json"], ["samples/hoeje-taastrup/households.json"], [] },
        { "dk-baseline", ["samples/hoeje-taastrup/departments.json", "samples/holbaek/departments.json"], ["samples/hoeje-taastrup/households.json", "samples/holbaek/households.json"], ["samples/hoeje-taastrup/vacancies.json"] },
        { "dk-statutory-restrictions", ["samples/hoeje-taastrup/departments.json", "samples/holbaek/departments.json"], ["samples/hoeje-taastrup/households.json", "samples/holbaek/households.json"], ["samples/hoeje-taastrup/vacancies.json"] },
        { "aalborg-2023", ["samples/examples/departments.json"], ["samples/holbaek/households.json", "samples/hoeje-taastrup/households.json"], ["samples/examples/vacancies-aalborg.json"] },
        { "aarhus-2010", ["samples/examples/departments.json"], ["samples/holbaek/households.json", "samples/hoeje-taastrup/households.json"], [] },
        { "koebenhavn-supplementary-2010", ["samples/examples/departments.json"], ["samples/holbaek/households.json", "samples/hoeje-taastrup/households.json"], [] },
    };

    [Fact]
    public void Samples_CoverEveryShippedAndExamplePack()
    {
        Assert.Equal(Repo.PackIds(), Samples.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryPack_OverItsSamplesOnEveryRouteInBothLanguages_NamesNoFactPathIdOrFormula(string packId, string[] departmentFiles, string[] householdFiles, string[] vacancyFiles)
    {
        var pack = Repo.Pack(packId);
        var departments = departmentFiles.SelectMany(f => FactReader.ReadDepartments(File.ReadAllText(Repo.Path(f))).GetValueOrThrow().Items).ToList();
        var households = householdFiles.SelectMany(f => FactReader.ReadHouseholds(File.ReadAllText(Repo.Path(f))).GetValueOrThrow().Items).ToList();
        var vacancies = vacancyFiles.SelectMany(f => FactReader.ReadVacancies(File.ReadAllText(Repo.Path(f))).GetValueOrThrow().Items).ToList();
        var offending = new SortedSet<string>(StringComparer.Ordinal);
        var seen = 0;

        void Inspect(string where, string? text)
        {
            if (text is null)
            {
                return;
            }

            seen++;
            if (Offence(text) is { } what)
            {
                offending.Add($"{where}: {what} in «{text}»");
            }
        }

        foreach (var department in departments)
        {
            var placement = pack.Place(new PlacementRequest(department, On));
            foreach (var x in placement.Explanation)
            {
                Inspect("placement " + x.RuleId, x.Reason.Da);
                Inspect("placement " + x.RuleId, x.Reason.En);
            }

            // A dwelling of each kind the samples give for the department, and none (the department's own letting).
            var dwellings = vacancies.Where(v => v.Department == department.Id).GroupBy(v => (v.Category, v.Programme)).Select(g => g.First()).Prepend(null);
            foreach (var dwelling in dwellings)
            {
                foreach (var household in households)
                {
                    foreach (var route in Enum.GetValues<LettingRoute>())
                    {
                        var result = pack.Check(new EligibilityRequest(department, household, route, On) { Vacancy = dwelling, Explain = true });
                        foreach (var (where, text) in Prose(result))
                        {
                            Inspect($"{department.Id}/{household.Id}/{route} {where}", text);
                        }
                    }
                }
            }
        }

        Assert.True(seen > 100, $"only {seen} texts were looked at");
        Assert.True(offending.Count == 0, string.Join("\n", offending.Take(40)));
    }

    [Fact]
    public void Offence_FindsEachKindOfIdThatMustNotReachTheCaseworker()
    {
        // The search itself: each kind of leak it must find, and words it must leave alone.
        Assert.NotNull(Offence("mindst én c i member › convictions"));
        Assert.NotNull(Offence("mangler: member.convictions"));
        Assert.NotNull(Offence("household.soldHome"));
        Assert.NotNull(Offence("c › act er en af ‘penalCode’"));
        Assert.NotNull(Offence("b › type er ‘su’"));
        Assert.NotNull(Offence("tællingen med andel 1: ⌊1·1⌋ = 1"));
        Assert.NotNull(Offence("the department's designation is 'prevention'"));
        Assert.Null(Offence("mindst én af medlemmets domme, hvor dommens lovgrundlag er straffeloven: ja (dom efter straffeloven af 2024-03-01)"));
        Assert.Null(Offence("Høje-Taastrup Kommune, SU-berettiget uddannelse, 16.408 kr. pr. måned < 20.000 kr. pr. måned"));
    }

    /// <summary>What in a text a caseworker must not read, or null.</summary>
    private static string? Offence(string text)
    {
        if (FactPath().Match(text) is { Success: true } path)
        {
            return $"the path '{path.Value}'";
        }

        foreach (var mark in new[] { "›", "⌊", "·" })
        {
            if (text.Contains(mark, StringComparison.Ordinal))
            {
                return $"'{mark}'";
            }
        }

        if (CamelCase().Match(text) is { Success: true } camel)
        {
            return $"the id '{camel.Value}'";
        }

        foreach (var value in EnumIds)
        {
            if (text.Contains("‘" + value + "’", StringComparison.Ordinal) || text.Contains("'" + value + "'", StringComparison.Ordinal))
            {
                return $"the value '{value}'";
            }
        }

        return null;
    }

    /// <summary>Every value of the fact schema's enums (as facts and packs spell them).</summary>
    private static readonly string[] EnumIds =
        new[]
        {
            Enum.GetNames<Designation>(), Enum.GetNames<DwellingCategory>(), Enum.GetNames<MemberRole>(), Enum.GetNames<EmploymentKind>(),
            Enum.GetNames<EducationLevel>(), Enum.GetNames<ConvictionAct>(), Enum.GetNames<BenefitType>(),
        }.SelectMany(names => names).Select(n => char.ToLowerInvariant(n[0]) + n[1..]).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The prose of a check a caseworker reads: reasons, criteria with their member lines, assumptions, documents, missing facts.</summary>
    private static IEnumerable<(string Where, string Text)> Prose(EligibilityResult result)
    {
        foreach (var language in new[] { Language.Danish, Language.English })
        {
            foreach (var x in result.Explanation)
            {
                yield return (x.RuleId, x.Reason.In(language));
            }

            foreach (var d in result.Documents)
            {
                yield return ("document", d.In(language));
            }

            foreach (var line in ResultText.Eligibility(result, language).Split('\n'))
            {
                // The missing facts as the text names them.
                if (line.Contains("mangler", StringComparison.OrdinalIgnoreCase) || line.Contains("missing", StringComparison.OrdinalIgnoreCase))
                {
                    var at = line.IndexOf(':', StringComparison.Ordinal);
                    yield return ("missing", at < 0 ? line : line[(at + 1)..]);
                }
            }

            foreach (var (where, text) in result.Criteria.SelectMany(c => Criterion(c, language)))
            {
                yield return (where, text);
            }
        }
    }

    private static IEnumerable<(string, string)> Criterion(CriterionResult c, Language language)
    {
        yield return (c.Id + " title", c.Title.In(language));
        if (c.Detail is { } detail)
        {
            yield return (c.Id + " detail", detail.In(language));
        }

        foreach (var a in c.Assumptions)
        {
            yield return (c.Id + " assumption", a.Reason.In(language));
        }

        foreach (var m in c.Members)
        {
            if (m.Detail is { } why)
            {
                yield return (c.Id + " " + m.MemberId, why.In(language));
            }
        }

        foreach (var child in c.Children.SelectMany(x => Criterion(x, language)))
        {
            yield return child;
        }
    }

    /// <summary>A fact path (<c>member.convictions</c>, <c>department.keyFigures</c>), not a sentence's end ("this department.").</summary>
    [GeneratedRegex(@"\b(member|household|department|vacancy|applicant|param)\.[A-Za-z]")]
    private static partial Regex FactPath();

    /// <summary>A camelCase word: an id of the fact schema or a pack (a lower-case start, then a capital).</summary>
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();
}
