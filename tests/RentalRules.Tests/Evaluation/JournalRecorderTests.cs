using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// Routing for the decision journal (<see cref="RulePack.Record"/>, <see cref="RulePack.Reroute"/>): the entry names the
/// rule, clause and the legal basis the pack states for the rule and tier, and a re-routing withdraws the recorded count
/// so the municipality neither loses nor gains an allocation by the correction.
/// </summary>
public sealed class JournalRecorderTests
{
    private static readonly DateOnly On = new(2025, 3, 1);
    private static readonly DateTimeOffset At = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static RulePack Holbaek => Repo.Pack("holbaek-2024");

    private static Department Green(string id) => Build.Department(id, 0.20m) with { Organisation = "ORG-1" };

    private static Department Uncoloured(string id) => Build.Department(id, null);

    [Theory]
    [Clause("holbaek-2024", "§ 6")]
    [InlineData(0.20, "green", "§ 59 stk. 2")] // every 3rd, more than the Act by agreement
    [InlineData(0.38, "yellow", "§ 59 stk. 2")] // every 6th, less than the Act by agreement
    [InlineData(null, "uncoloured", "§ 59 stk. 1")] // "tilbydes efter Almenboligloven, §59, stk. 1 med hver 8."
    public void Record_HolbaekFamilyVacancy_NamesTheLegalBasisOfTheDepartmentsColour(double? outside, string tier, string basis)
    {
        var department = Build.Department("HB-1", outside is null ? null : (decimal)outside.Value);

        var entry = Holbaek.Record(new RoutingRequest(department, Vacancies.Of("V-1", "HB-1", DwellingCategory.Family), On) { Ledger = Holbaek.NewLedger() }, At).Entry!;

        Assert.Equal((tier, "holbaek-family", "§ 6", basis), (entry.Tier, entry.RuleId, entry.Clause, entry.LegalBasis));
    }

    [Fact]
    [Clause("holbaek-2024", "§ 3")]
    public void Record_HolbaekElderlyDwelling_RestsOnTheAgreementsOwnClause()
    {
        var entry = Holbaek.Record(new RoutingRequest(Green("HB-1"), Vacancies.Of("V-1", "HB-1", DwellingCategory.Elderly), On) { Ledger = Holbaek.NewLedger() }, At).Entry!;

        Assert.Equal(("agreement", "§ 3", "municipal", "elderly", "ORG-1"), (entry.LegalBasis, entry.Clause, entry.LettingType, entry.Category, entry.Organisation));
        Assert.Equal(At, entry.RecordedAt);
    }

    [Fact]
    public void Record_UndeterminedVacancy_RecordsNothingAndLeavesTheLedger()
    {
        var ledger = Holbaek.NewLedger();

        var recording = Holbaek.Record(new RoutingRequest(Green("HB-1"), new Vacancy { Id = "V-1", Department = "HB-1" }, On) { Ledger = ledger }, At);

        Assert.Null(recording.Entry);
        Assert.Same(ledger, recording.Ledger);
        Assert.Equal(VacancyRoute.Undetermined, recording.Decision.Route);
    }

    [Fact]
    public void Record_VacancyWithoutId_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Holbaek.Record(new RoutingRequest(Green("HB-1"), Vacancies.Of(null!, "HB-1", DwellingCategory.Family), On) { Ledger = Holbaek.NewLedger() }, At));

        Assert.Contains("keyed by the host's vacancy id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "§ 6")]
    public void Reroute_WaitingListVacancyOfAGreenDepartment_StaysOffTheMunicipalityWhenItHasHadItsDue()
    {
        // Green: vacancies 1, 2 waiting list/flexible, 3 municipal. Vacancy 1 re-routed: the municipality has had ⌊3/3⌋ = 1.
        var (entries, ledger) = RecordAll(Green("HB-1"), 3);

        var rerouted = Holbaek.Reroute(new RoutingRequest(Green("HB-1"), Vacancies.Of("HB-1-1", "HB-1", DwellingCategory.Family), On) { Ledger = ledger }, entries[0], "category was wrong", At);

        Assert.Equal((2, "category was wrong"), (rerouted.Entry!.Revision, rerouted.Entry.RerouteReason));
        Assert.NotEqual(VacancyRoute.Municipal, rerouted.Entry.Route);
        Assert.Equal((3L, 1L), (rerouted.Ledger.Find("HB-1", "family")!.Counted, rerouted.Ledger.Find("HB-1", "family")!.Municipal));
    }

    [Fact]
    [Clause("holbaek-2024", "§ 6")]
    public void Reroute_TheMunicipalVacancyToAnElderlyDwelling_TheMunicipalityIsOwedTheFamilyAllocationAgain()
    {
        var (entries, ledger) = RecordAll(Green("HB-1"), 3);

        var rerouted = Holbaek.Reroute(new RoutingRequest(Green("HB-1"), Vacancies.Of("HB-1-3", "HB-1", DwellingCategory.Elderly), On) { Ledger = ledger }, entries[2], "it is an elderly dwelling", At);
        var next = Holbaek.Record(new RoutingRequest(Green("HB-1"), Vacancies.Of("HB-1-4", "HB-1", DwellingCategory.Family), On) { Ledger = rerouted.Ledger }, At);

        Assert.Equal(("holbaek-elderly", VacancyRoute.Municipal), (rerouted.Entry!.RuleId, rerouted.Entry.Route));
        Assert.Equal((2L, 0L), (rerouted.Ledger.Find("HB-1", "family")!.Counted, rerouted.Ledger.Find("HB-1", "family")!.Municipal));
        Assert.Equal((3L, VacancyRoute.Municipal), (next.Entry!.Count!.Value, next.Entry.Route)); // the 3rd family vacancy again
    }

    [Fact]
    public void Reroute_UndeterminedWithTheCorrectedFacts_LeavesTheRecordedDecisionAndTheLedger()
    {
        var (entries, ledger) = RecordAll(Green("HB-1"), 3);

        var rerouted = Holbaek.Reroute(new RoutingRequest(Green("HB-1"), new Vacancy { Id = "HB-1-2", Department = "HB-1" }, On) { Ledger = ledger }, entries[1], "unknown category", At);

        Assert.Null(rerouted.Entry);
        Assert.Same(ledger, rerouted.Ledger);
    }

    /// <summary>Any sequence of first routings and re-routings of one counter: the municipality has exactly ⌊N·p⌋ of the N vacancies in force.</summary>
    [Property(MaxTest = 200)]
    public bool Reroute_AnySequenceOfCorrections_KeepsTheMunicipalAllocationsAtTheFloor(byte[] operations)
    {
        var pack = Holbaek;
        var department = Green("HB-1");
        var ledger = pack.NewLedger();
        var inForce = new Dictionary<string, JournalEntry>();
        var n = 0;
        foreach (var op in operations.Take(60))
        {
            if (op % 3 == 0 && inForce.Count > 0)
            {
                var target = inForce.Values.ElementAt(op % inForce.Count);
                var r = pack.Reroute(new RoutingRequest(department, Vacancies.Of(target.VacancyId, "HB-1", DwellingCategory.Family), On) { Ledger = ledger }, target, "correction", At);
                inForce[target.VacancyId] = r.Entry!;
                ledger = r.Ledger;
            }
            else
            {
                n++;
                var r = pack.Record(new RoutingRequest(department, Vacancies.Of($"V-{n}", "HB-1", DwellingCategory.Family), On) { Ledger = ledger }, At);
                inForce[r.Entry!.VacancyId] = r.Entry;
                ledger = r.Ledger;
            }
        }

        var counter = ledger.Find("HB-1", "family");
        var municipal = inForce.Values.Count(e => e.Route == VacancyRoute.Municipal);
        return (counter?.Counted ?? 0) == n && municipal == n / 3 && (counter?.Municipal ?? 0) == municipal;
    }

    [Fact]
    public void SliceAndCombine_PartsOfDepartments_GiveTheLedgerBack()
    {
        var (_, ledger) = RecordAll(Green("HB-1"), 4);
        ledger = Holbaek.Record(new RoutingRequest(Uncoloured("HB-2"), Vacancies.Of("HB-2-1", "HB-2", DwellingCategory.Family), On) { Ledger = ledger }, At).Ledger;

        var combined = Ledger.Combine(Holbaek.Id, ledger.PackVersion, ledger.Departments.Select(ledger.Slice));

        Assert.Equal(["HB-1", "HB-2"], ledger.Departments);
        Assert.Equal(ledger.Counters, combined.Counters);
        Assert.Throws<ArgumentException>(() => Ledger.Combine(Holbaek.Id, "", [ledger.Slice("HB-1"), ledger.Slice("HB-1")]));
    }

    [Fact]
    public void EntryJson_RoundTripsAndAHandEditIsRefusedWithRR0503()
    {
        var entry = RecordAll(Green("HB-1"), 3).Entries[2];

        var json = entry.ToJson();
        var edited = json.Replace("\"count\":3", "\"count\":2", StringComparison.Ordinal);

        Assert.Equal(json, JournalEntry.Parse(json, "test").GetValueOrThrow().ToJson());
        Assert.Equal("RR0503", Assert.Single(JournalEntry.Parse(edited, "test").Diagnostics).Code);
    }

    private static (List<JournalEntry> Entries, Ledger Ledger) RecordAll(Department department, int count)
    {
        var ledger = Holbaek.NewLedger();
        var entries = new List<JournalEntry>();
        for (var i = 1; i <= count; i++)
        {
            var r = Holbaek.Record(new RoutingRequest(department, Vacancies.Of($"{department.Id}-{i}", department.Id, DwellingCategory.Family), On) { Ledger = ledger }, At);
            entries.Add(r.Entry!);
            ledger = r.Ledger;
        }

        return (entries, ledger);
    }
}
