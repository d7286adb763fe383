using System.Text.RegularExpressions;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Authoring;
using RentalRules.Tests.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Diagnostics;

/// <summary>
/// Every load-error descriptor (RR00xx–RR02xx) is reported by a fixture: a pack in <c>Packs/Invalid/</c>, whose whole
/// diagnostics (message, hint, location) <see cref="Packs.InvalidPackDiagnosticsTests"/> holds to a reviewed snapshot,
/// or, for the problems only a fact file can have, a fact file in <c>Facts/Invalid/</c>
/// (<see cref="InvalidFactFileDiagnosticsTests"/>, snapshots of the same shape), and for the problems of a pack tests
/// file, a file in <c>Authoring/InvalidPackTests/</c> (<see cref="InvalidPackTestsDiagnosticsTests"/>). The few that no pack or fact file can
/// report are listed in <see cref="ReportedElsewhere"/> with the reason and the test that asserts them; a new
/// descriptor without a fixture fails. A diagnostic is told to come from a descriptor by its code, message and hint,
/// formatted from the descriptor's.
/// </summary>
public sealed class DescriptorFixtureTests
{
    /// <summary>
    /// Load-error descriptors that no pack file or fact file can report, each with why and the test that asserts it.
    /// Not a list of fixtures still to write: each entry says which kind of input reaches the descriptor instead.
    /// </summary>
    private static readonly Dictionary<string, string> ReportedElsewhere = new(StringComparer.Ordinal)
    {
        ["NoBuiltInPack"] = "an argument, not a file: an id given to RulePackLoader.LoadBuiltIn (or the CLI's packs commands) that names no built-in pack; "
            + "a pack's extends reports BaseNotFound instead (missing-base.json). BuiltInPacksTests.LoadBuiltIn_IdLikeNoBuiltInPack_NamesThePacksCommandWithoutAGuess",
        ["NoBuiltInPackClosest"] = "an argument, not a file, as NoBuiltInPack. BuiltInPacksTests.LoadBuiltIn_MisspeltId_SuggestsTheClosestIdAndThePacksCommand, PacksCommandTests",
        ["OlderThanBuiltIn"] = "a host's pack folder, not a pack: the hosting provider compares a valid pack's version with the built-in pack's. "
            + "FolderRulePackProviderTests.Provider_FolderPackWithAnEarlierVersion_IsListedInvalidAndTheBuiltInPackServes",
        ["JsonInvalid"] = "the fallback for a System.Text.Json reader message that JsonText.Describe does not know; every message the reader "
            + "gives for a file has its own descriptor and fixture (json-*.json). JsonTextTests.Describe_AnUnknownMessage_IsTheGenericInvalidJson",
        ["ExpressionTooDeepToCompile"] = "a guard against a thread with too little stack, not a property of pack text: the parser's limits (ExpressionTooDeep, "
            + "TooManyOperators, ExpressionTooLong) stop every condition long before the binder or emitter run short on an ordinary thread.",
    };

    /// <summary>
    /// Codes that no fixture folder shows (their inputs are stores, ledgers, CLI runs or limits, not one invalid file),
    /// each with the tests that assert a diagnostic of that code by its code.
    /// </summary>
    private static readonly Dictionary<string, string> CodeAssertedBy = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.FileUnreadable] = "InvalidPackDiagnosticsTests.Validate_MissingFile_ExitsOneWithALocatedMessage",
        [DiagnosticCodes.LimitExceeded] = "PackLimitsTests (packs of 16 MB and 10 000 rules built in memory)",
        [DiagnosticCodes.StatutoryObligation] = "S60ObligationTests.Load_Aalborg_WarnsThatAVulnerableAreaDepartmentIsLetFromTheWaitingListWithoutCriteria",
        [DiagnosticCodes.LedgerInvalid] = "LedgerTests.Parse_HandEditedCounter_IsRefusedWithRR0501ForTheChecksum",
        [DiagnosticCodes.LedgerForeign] = "LedgerTests.Parse_LedgerKeptUnderAnotherPack_IsRefusedWithRR0502NamingBothPacks",
        [DiagnosticCodes.JournalInvalid] = "JournalRecorderTests.EntryJson_RoundTripsAndAHandEditIsRefusedWithRR0503, JournalStoreContractTests.Read_HandEditedRow_IsRefusedWithRR0503",
        [DiagnosticCodes.JournalForeign] = "JournalStoreContractTests.Write_JournalOfAnotherMunicipality_IsRefusedWithRR0504AndNeverTakenOver, ReportCommandTests",
        [DiagnosticCodes.JournalNewer] = "JournalStoreContractTests.Read_NewerFormatVersion_IsRefusedWithRR0505, .Open_NewerSchema_IsRefusedWithRR0505",
        [DiagnosticCodes.JournalUnknownVacancy] = "JournalStoreContractTests.Reroute_UnknownVacancy_IsRefusedWithRR0506AndRecordsNothing",
        [DiagnosticCodes.PackTestsMissing] = "PackTestRunnerTests (a pack without ID.tests.json), InterpretationDraftsTests",
        [DiagnosticCodes.PackTestsUncovered] = "PackTestRunnerTests (a clause no case cites), InterpretationDraftsTests",
        [DiagnosticCodes.InternalError] = "InternalErrorTests, FailingPackTests.StartUp_LoaderThrows_IsLoggedByFileAndExceptionTypeAndTheFolderSummaryCountsIt",
    };

    private static readonly Lazy<IReadOnlyList<Reported>> All = new(() =>
        Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Invalid"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => RulePackLoader.Load(file).Diagnostics.Select(d => new Reported("Packs/Invalid/" + Path.GetFileName(file), d, FactFile: false)))
            .Concat(InvalidFactFileDiagnosticsTests.All().Select(r => new Reported("Facts/Invalid/" + r.File, r.Diagnostic, FactFile: true)))
            .Concat(InvalidPackTestsDiagnosticsTests.All().Select(r => new Reported("Authoring/InvalidPackTests/" + r.File, r.Diagnostic with { Message = WithoutCase(r.Diagnostic.Message) }, FactFile: false)))
            .ToList());

    private static IEnumerable<DiagnosticDescriptor> LoadErrorDescriptors
        => Descriptors.All.Where(d => d.Severity == Severity.Error && string.CompareOrdinal(d.Code, "RR0300") < 0 && !NotAPackProblem(d.Code));

    [Fact]
    public void EveryLoadErrorDescriptor_HasAFixture_OrIsReportedElsewhereForAStatedReason()
    {
        var withoutFixture = LoadErrorDescriptors
            .Where(d => !All.Value.Any(r => Matches(d, r)) && !ReportedElsewhere.ContainsKey(d.Name))
            .Select(d => d.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            withoutFixture.Count == 0,
            "These load-error descriptors have no fixture: add a pack with that one problem to tests/RentalRules.Tests/Packs/Invalid/ "
            + "(or a fact file to Facts/Invalid/ if only a fact file can have it): " + string.Join(", ", withoutFixture));
    }

    [Fact]
    public void ReportedElsewhere_NamesOnlyLoadErrorDescriptorsThatNoFixtureReports()
        => Assert.All(ReportedElsewhere.Keys, name =>
        {
            var descriptor = Assert.Single(LoadErrorDescriptors, d => d.Name == name);
            var fixture = All.Value.FirstOrDefault(r => Matches(descriptor, r));
            Assert.True(fixture is null, $"{name} has a fixture now ({fixture?.File}); take it off ReportedElsewhere.");
        });

    [Fact]
    public void EveryCode_IsReportedByAFixture_OrNamesTheTestsThatAssertIt()
    {
        var warnings = Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Warnings"), "*.json")
            .SelectMany(file => RulePackLoader.Load(file).Diagnostics.Select(d => d.Code));
        var reported = All.Value.Select(r => r.Diagnostic.Code).Concat(warnings).ToHashSet(StringComparer.Ordinal);

        var unasserted = Descriptors.Codes.Select(c => c.Code).Where(c => !reported.Contains(c) && !CodeAssertedBy.ContainsKey(c)).ToList();
        var listedNeedlessly = CodeAssertedBy.Keys.Where(reported.Contains).ToList();

        Assert.True(unasserted.Count == 0, "No fixture reports these codes and no test is named for them: " + string.Join(", ", unasserted));
        Assert.True(listedNeedlessly.Count == 0, "A fixture reports these codes now; take them off CodeAssertedBy: " + string.Join(", ", listedNeedlessly));
    }

    [Fact]
    public void EveryDiagnosticOfAFixture_ComesFromOneDescriptorOfTheTable()
        => Assert.All(All.Value, r => Assert.True(Descriptors.All.Any(d => Matches(d, r)), $"{r.File}: no descriptor formats '{r.Diagnostic.Message}'."));

    /// <summary>The message without the "Case 'NAME': " the pack tests reader puts before a problem inside a case.</summary>
    private static string WithoutCase(string message) => Regex.Replace(message, @"^Case ('[^']*'|\$\S*): ", "", RegexOptions.CultureInvariant);

    /// <summary>RR0002 (a file that cannot be read) and RR0109 (16 MB, 10 000 rules) make no fixture: DescriptorTableTests names their tests.</summary>
    private static bool NotAPackProblem(string code) => code is DiagnosticCodes.FileUnreadable or DiagnosticCodes.LimitExceeded;

    internal static bool Matches(DiagnosticDescriptor descriptor, Reported reported)
    {
        var diagnostic = reported.Diagnostic;
        var code = descriptor.Code == diagnostic.Code || (reported.FactFile && FactCode(descriptor.Code) == diagnostic.Code);
        return code
            && Pattern(descriptor.Message, expression: true).IsMatch(diagnostic.Message)
            && Pattern(descriptor.Hint, expression: false).IsMatch(diagnostic.Hint ?? "");
    }

    /// <summary>The code a fact file reports a generic reading problem under (as the fact reader maps it).</summary>
    private static string FactCode(string code) => code switch
    {
        DiagnosticCodes.WrongType => DiagnosticCodes.FactWrongType,
        DiagnosticCodes.UnknownProperty => DiagnosticCodes.FactUnknown,
        _ => DiagnosticCodes.FactInvalid,
    };

    private static Regex Pattern(string format, bool expression)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                pattern.Append(Regex.Escape("{"));
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                pattern.Append(Regex.Escape("}"));
                i++;
            }
            else if (format[i] == '{' && format.IndexOf('}', i) is var end and > 0)
            {
                pattern.Append("(.*?)");
                i = end;
            }
            else
            {
                pattern.Append(Regex.Escape(format[i].ToString()));
            }
        }

        pattern.Append(expression ? "( In: .*)?$" : "$");
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>A diagnostic a fixture reported, with the fixture's file.</summary>
    internal sealed record Reported(string File, Diagnostic Diagnostic, bool FactFile);
}
