using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules report</c>: the follow-up figures Høje-Taastrup § 6 asks for ("Antal kommunale anvisninger efter § 59,
/// stk. 1, 2 og 3. Antal udlejninger efter de forskellige udlejningstyper og boligtyper"), from a journal of two years of
/// routings made with <c>route --journal</c>. The expected figures are worked out by hand from the agreement's shares.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private const string Pack = "rules/hoeje-taastrup-2023.json";
    private const string Departments = "samples/hoeje-taastrup/departments.json";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-report-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Journal => Path.Combine(_temp.FullName, "journal.json");

    /// <summary>
    /// 2025: HT-PARKVEJ (level 2, 11/50) 50 family and 2 elderly vacancies; HT-GREEN (level 1, 1/3) 30 family and 8
    /// youth; HT-TAASTRUPGAARD (level 3, none) 5 family. 2026: HT-PARKVEJ 10 more family. One vacancy a week or so.
    /// </summary>
    private void RouteTwoYears()
    {
        var vacancies = new List<string>();
        void Add(string department, string category, int count, int year)
        {
            for (var i = 0; i < count; i++)
            {
                var day = new DateOnly(year, 1, 1).AddDays((vacancies.Count * 3) % 360);
                vacancies.Add($$"""{ "id": "{{department}}-{{category}}-{{year}}-{{i:D2}}", "department": "{{department}}", "category": "{{category}}", "vacatedOn": "{{day:yyyy-MM-dd}}" }""");
            }
        }

        Add("HT-PARKVEJ", "family", 50, 2025);
        Add("HT-PARKVEJ", "elderly", 2, 2025);
        Add("HT-GREEN", "family", 30, 2025);
        Add("HT-GREEN", "youth", 8, 2025);
        Add("HT-TAASTRUPGAARD", "family", 5, 2025);
        var first = Path.Combine(_temp.FullName, "2025.json");
        File.WriteAllText(first, "[" + string.Join(",\n", vacancies) + "]");
        vacancies.Clear();
        Add("HT-PARKVEJ", "family", 10, 2026);
        var second = Path.Combine(_temp.FullName, "2026.json");
        File.WriteAllText(second, "[" + string.Join(",\n", vacancies) + "]");
        foreach (var file in new[] { first, second, first })
        {
            // The 2025 file twice: a recorded vacancy is never counted again.
            var routed = CliRunner.Run("route", "--pack", Pack, "--departments", Departments, "--vacancies", file, "--journal", Journal);
            Assert.True(routed.ExitCode == 0, routed.Stderr);
        }
    }

    private static JsonElement Row(JsonElement period, string table, string key)
        => period.GetProperty(table).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static (long Vacancies, long Municipal, long Special, long Flexible, long WaitingList, long None) Counts(JsonElement row)
        => (row.GetProperty("vacancies").GetInt64(), row.GetProperty("municipal").GetInt64(), row.GetProperty("specialCriteria").GetInt64(),
            row.GetProperty("flexible").GetInt64(), row.GetProperty("waitingList").GetInt64(), row.GetProperty("none").GetInt64());

    [Fact]
    public void Report_TwoYearsOfRoutings_ReproducesTheCountsWorkedOutByHand()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var years = root.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["2025", "2026"], years.Select(y => y.GetProperty("period").GetString()!));
        var y2025 = years[0];

        // HT-PARKVEJ, level 2 (§ 3.3): ⌊50·11/50⌋ = 11 municipal, every 2nd under special criteria (5); all other lettings flexible.
        Assert.Equal((52L, 11L, 5L, 39L, 0L, 2L), Counts(Row(y2025, "byDepartment", "HT-PARKVEJ")));
        // HT-GREEN, level 1 (§ 3.2): ⌊30/3⌋ = 10 family and ⌊8/4⌋ = 2 youth to the municipality.
        Assert.Equal(12L, Counts(Row(y2025, "byDepartment", "HT-GREEN")).Municipal);
        Assert.Equal(38L, Counts(Row(y2025, "byDepartment", "HT-GREEN")).Vacancies);
        // HT-TAASTRUPGAARD, level 3 (§ 3.4): no municipal allocation, all flexible.
        Assert.Equal((5L, 0L, 0L, 5L, 0L, 0L), Counts(Row(y2025, "byDepartment", "HT-TAASTRUPGAARD")));

        // § 59 stk. 2: the family dwellings of levels 1–3 (85 vacancies, 21 municipal); § 59 stk. 1: youth (8, 2).
        Assert.Equal((85L, 21L), (Counts(Row(y2025, "byLegalBasis", "§ 59 stk. 2")).Vacancies, Counts(Row(y2025, "byLegalBasis", "§ 59 stk. 2")).Municipal));
        Assert.Equal((8L, 2L), (Counts(Row(y2025, "byLegalBasis", "§ 59 stk. 1")).Vacancies, Counts(Row(y2025, "byLegalBasis", "§ 59 stk. 1")).Municipal));
        Assert.Equal(2L, Counts(Row(y2025, "byLegalBasis", "(not stated)")).None); // the elderly dwellings, out of scope
        Assert.Equal(5L, Counts(Row(y2025, "byLettingType", "municipalSpecialCriteria")).Vacancies);
        Assert.Equal(18L, Counts(Row(y2025, "byLettingType", "municipal")).Vacancies);
        Assert.Equal(2L, Counts(Row(y2025, "byLettingType", "youth/municipal")).Vacancies);

        // 2026: vacancies 51–60 of HT-PARKVEJ's count: ⌊60·11/50⌋ − ⌊50·11/50⌋ = 13 − 11 = 2.
        Assert.Equal((10L, 2L), (Counts(years[1].GetProperty("total")).Vacancies, Counts(years[1].GetProperty("total")).Municipal));
        var total = root.GetProperty("total");
        Assert.Equal((105L, 25L), (Counts(total.GetProperty("total")).Vacancies, Counts(total.GetProperty("total")).Municipal));
        Assert.Equal(Counts(total.GetProperty("total")).Vacancies, total.GetProperty("byOrganisation").EnumerateArray().Sum(r => r.GetProperty("vacancies").GetInt64()));
        Assert.Equal(Counts(total.GetProperty("total")).Municipal, total.GetProperty("byTier").EnumerateArray().Sum(r => r.GetProperty("municipal").GetInt64()));
    }

    [Fact]
    public void Report_FromTo_CountsOnlyDecisionsEvaluatedInThePeriod()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--from", "2026-01-01", "--to", "2026-12-31", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var total = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("total");
        Assert.Equal((10L, 2L), (Counts(total.GetProperty("total")).Vacancies, Counts(total.GetProperty("total")).Municipal));
    }

    [Fact]
    public void Report_WithPortfolio_SetsActualAgainstTheForecastForTheSamePeriod()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--portfolio", Departments, "--from", "2025-01-01", "--to", "2025-12-31", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var parkvej = Row(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("total"), "byDepartment", "HT-PARKVEJ");
        // forecast: 600 dwellings × 0.08 turnover = 48 vacancies a year, 11/50 of them municipal = 10.56.
        Assert.Equal(10.56m, parkvej.GetProperty("expectedMunicipal").GetDecimal());
        Assert.Equal(11, parkvej.GetProperty("municipal").GetInt64());
    }

    [Fact]
    public void Report_LangDa_WritesDanishHeadingsTierLabelsAndDecimalCommas()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--portfolio", Departments, "--from", "2025-01-01", "--to", "2025-12-31", "--lang", "da");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("# Opfølgning: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Gældende beslutninger med evalueringsdato 2025-01-01 til 2025-12-31: 95 (heraf afgjort på ny: 0).", lines);
        Assert.Contains("| Afdeling | Ledige boliger | Kommunal anvisning | Forventet kommunal anvisning | Særlige kriterier | Fleksibel udlejning | Venteliste | Lukket/uden for aftalen |", lines);
        // forecast 10.56 expected municipal allocations, as a Danish memo writes it.
        Assert.Contains(lines, l => l.StartsWith("| HT-PARKVEJ (", StringComparison.Ordinal) && l.EndsWith(") | 52 | 11 | 10,6 | 5 | 39 | 0 | 2 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| i alt | 95 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| Niveau 2 (gul) | ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| kommunal anvisning med særlige kriterier | 5 |", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("| level-2 |", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_HtmlLangDa_IsADanishPageWithDanishChartTexts()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--portfolio", Departments, "--format", "html", "--lang", "da");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("<html lang=\"da\">", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kommunale anvisninger pr. &#229;r, faktisk og forventet", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025: 23 faktisk, ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" actual", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Html_DrawsActualAndExpectedAsSvgCharts()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", Pack, "--journal", Journal, "--portfolio", Departments, "--format", "html");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("<svg id=\"municipal-per-year\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025: 23 actual, ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"municipal-by-legal-basis\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_JournalOfAnotherPack_IsRefusedWithRR0504AndExit1()
    {
        RouteTwoYears();

        var result = CliRunner.Run("report", "--pack", "rules/holbaek-2024.json", "--journal", Journal);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error RR0504: The journal was kept under the pack 'hoeje-taastrup-2023', not 'holbaek-2024'.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NeitherJournalNorConnection_IsAUsageError()
    {
        var result = CliRunner.Run("report", "--pack", Pack);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--journal FILE or --connection", result.Stderr, StringComparison.Ordinal);
    }
}
