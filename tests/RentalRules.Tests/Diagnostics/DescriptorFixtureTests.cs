using System.Text.RegularExpressions;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Diagnostics;

/// <summary>
/// Every load-error descriptor (RR00xx–RR02xx) is reported by a fixture in <c>Packs/Invalid/</c>, whose whole
/// diagnostics (message, hint, location) <see cref="Packs.InvalidPackDiagnosticsTests"/> holds to a reviewed snapshot.
/// A diagnostic is told to come from a descriptor by its code, message and hint, formatted from the descriptor's.
/// The descriptors that have no fixture yet are listed here, so that a new descriptor without one fails, and so that
/// the list only shrinks: a listed descriptor that a fixture reports fails too, until it is taken off the list.
/// </summary>
public sealed class DescriptorFixtureTests
{
    /// <summary>
    /// Load-error descriptors that no fixture reports yet (most are asserted by unit tests of their stage; 134 when the list
    /// was made). <c>OlderThanBuiltIn</c> is the hosting provider's, asserted by FolderRulePackProviderTests.
    /// </summary>
    private static readonly HashSet<string> NoFixtureYet = new(StringComparer.Ordinal)
    {
        "ArithmeticNeedsNumbers", "ArithmeticWithDuration", "CalendarMonthsOnSpell", "CalendarNeedsMonths",
        "CannotCompareTypes", "CannotCompareWithDuration", "CannotStartValue", "ConcentrationWithoutLimit",
        "CountersReset", "CriteriaSetCycle", "CriterionWithoutKind", "CsvEmpty", "CsvMixedSeparators",
        "CsvUnclosedQuote", "CurrentUsage", "DateTakesLiteral", "DuplicateCriterion", "DuplicateFactId",
        "DuplicateInterpretation", "DuplicateMark", "DuplicateObligation", "DuplicateObligationCriterion",
        "DuplicateParameterDate", "DuplicateRequirement", "DuplicateRoutingRule", "DurationNotWhole", "EmptyText",
        "ExpectedBool", "ExpectedBoolNotText", "ExpectedDate", "ExpectedDateOrNever", "ExpectedList", "ExpectedNumber",
        "ExpectedNumberNotText", "ExpectedSymbol", "ExpectedSymbolAtEnd", "ExpectedText", "ExpectedWholeNumber",
        "ExpressionTooDeep", "ExpressionTooDeepToCompile", "ExpressionTooLong", "ExtendsNotAList", "ExtendsNotAnId",
        "ExtendsTooDeep", "ExtendsTooDeepBelow", "FractionAboveOne", "FunctionTakesFact", "HasNoFields", "InNeedsList",
        "InNeedsValue", "InterpretationOnNothing", "InvalidDate", "JsonDuplicateProperty", "JsonEmpty",
        "JsonExpectedColon", "JsonExpectedName", "JsonExpectedSeparator", "JsonExpectedValue", "JsonInvalid",
        "JsonInvalidEscape", "JsonLiteralFalse", "JsonLiteralNull", "JsonLiteralTrue", "JsonLoneSurrogate",
        "JsonNumberDelimiter", "JsonNumberIncomplete", "JsonShortUnicodeEscape", "JsonTooDeep", "JsonTrailingText",
        "JsonUnescapedCharacter", "JsonUnmatchedClose", "LastArgumentDate", "LettingChangesNothing", "ListItemsNumbers",
        "ListItemsText", "ListOutsideIn", "MemberOutOfScope", "MinAgeAboveMaxAge", "MinusNeedsNumber",
        "MissingProperty", "NameAfterDot", "NeedsCondition", "NeedsPeriod", "NoBuiltInPack", "NoBuiltInPackClosest",
        "NoSuchParameter", "NotACondition", "NotAFraction", "NotANumber", "NotANumberLiteral", "NotAWholeNumber",
        "NotAllowedHere", "NotAnAllowedValue", "NotAnOperator", "NullListItem", "NumberNotInRange", "NumberOutOfRange",
        "NumberTooPrecise", "ObligationCriterionReadsNothing", "OfferOrderByCandidatesFromWaitingList",
        "OfferOrderEmpty", "OfferOrderTooLong", "OfferRankMissing", "OfferRankNotAllowed", "OfferRankUnknown",
        "OlderThanBuiltIn", "OnHasNoFields", "PackNotAnObject", "ParameterNotAShare", "ParameterWithoutName",
        "QuantifierNeedsList", "QuantifierWithoutIn", "QuantifierWithoutList", "QuantifierWithoutVariable",
        "RouteOrCounter", "ShareAsPercentText", "ShareComparedOutOfRange", "ShareNotExact", "ShareOutOfRange",
        "SpellComparison", "SpellNeedsPeriods", "SumBodyNotNumber", "TextQuotesUnknownParameter", "TooManyOperators",
        "UnclosedText", "UnexpectedCharacter", "UnexpectedToken", "UnknownNameInExpression", "UnknownParameter",
        "UnsupportedExpression", "ValidToBeforeValidFrom", "VariableInUse", "WithinDuration", "WithinUsage",
    };

    private static readonly Lazy<IReadOnlyList<(string File, Diagnostic Diagnostic)>> Reported = new(() =>
        Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Invalid"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => RulePackLoader.Load(file).Diagnostics.Select(d => (Path.GetFileName(file), d)))
            .ToList());

    private static IEnumerable<DiagnosticDescriptor> LoadErrorDescriptors
        => Descriptors.All.Where(d => d.Severity == Severity.Error && string.CompareOrdinal(d.Code, "RR0300") < 0 && !NotAPackProblem(d.Code));

    [Fact]
    public void EveryLoadErrorDescriptor_HasAFixture_OrIsListedAsHavingNoneYet()
    {
        var covered = LoadErrorDescriptors.Where(d => Reported.Value.Any(r => Matches(d, r.Diagnostic))).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var withoutFixture = LoadErrorDescriptors.Select(d => d.Name).Where(n => !covered.Contains(n)).Order(StringComparer.Ordinal).ToList();

        var unlisted = withoutFixture.Where(n => !NoFixtureYet.Contains(n)).ToList();
        var fixedSince = NoFixtureYet.Where(covered.Contains).Order(StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0, "These load-error descriptors have no fixture in tests/RentalRules.Tests/Packs/Invalid/; add a pack with that one problem: " + string.Join(", ", unlisted));
        Assert.True(fixedSince.Count == 0, "These descriptors have a fixture now; take them off NoFixtureYet: " + string.Join(", ", fixedSince));
    }

    [Fact]
    public void NoFixtureYet_NamesOnlyLoadErrorDescriptors()
        => Assert.All(NoFixtureYet, n => Assert.Contains(n, LoadErrorDescriptors.Select(d => d.Name)));

    [Fact]
    public void EveryDiagnosticOfAFixture_ComesFromOneDescriptorOfTheTable()
        => Assert.All(Reported.Value, r => Assert.True(Descriptors.All.Any(d => Matches(d, r.Diagnostic)), $"{r.File}: no descriptor formats '{r.Diagnostic.Message}'."));

    /// <summary>RR0002 (a file that cannot be read) and RR0109 (16 MB, 10 000 rules) make no fixture: DescriptorTableTests names their tests.</summary>
    private static bool NotAPackProblem(string code) => code is DiagnosticCodes.FileUnreadable or DiagnosticCodes.LimitExceeded;

    private static bool Matches(DiagnosticDescriptor descriptor, Diagnostic diagnostic)
        => descriptor.Code == diagnostic.Code
            && Pattern(descriptor.Message, expression: true).IsMatch(diagnostic.Message)
            && Pattern(descriptor.Hint, expression: false).IsMatch(diagnostic.Hint ?? "");

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
}
