namespace RentalRules.Diagnostics;

/// <summary>
/// The descriptors of fact files (departments, households, vacancies; RR03xx), and of their CSV syntax (RR0001).
/// Their arguments name columns, counts and types, never a fact value: a household's facts may be personal data.
/// </summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor CsvEmpty = Error(DiagnosticCodes.JsonSyntax, "The CSV file is empty.", "The first row names the facts, e.g. id,name,dwellings,turnoverRate,keyFigures.outsideLabourMarketShare.");
    public static readonly DiagnosticDescriptor CsvMixedSeparators = Error(DiagnosticCodes.JsonSyntax, "The header row has both ',' and ';' between names, so the separator is unclear.", "Separate the cells by ',' (numbers with a decimal point) or by ';' (numbers with a decimal comma, as Excel writes with a Danish list separator) throughout.");
    public static readonly DiagnosticDescriptor CsvUnclosedQuote = Error(DiagnosticCodes.JsonSyntax, "A quoted cell is not closed.", "Close the quote; write \"\" for a quote inside a cell.");
    public static readonly DiagnosticDescriptor CsvUnknownColumn = Error(DiagnosticCodes.FactUnknown, "The column '{0}' is not a department fact.", "{1}");
    public static readonly DiagnosticDescriptor CsvRowLength = Error(DiagnosticCodes.FactInvalid, "The row has {0} cells, but the header names {1} columns.", "Give every row one cell per column (an empty cell is unknown).");
    public static readonly DiagnosticDescriptor FactValueNotAllowed = Error(DiagnosticCodes.FactInvalid, "The value is not one of the allowed values.", "{0}");
    public static readonly DiagnosticDescriptor FactNullListItem = Error(DiagnosticCodes.FactInvalid, "A list item must not be null.", "Remove the null item.");
    public static readonly DiagnosticDescriptor SeveralApplicants = Error(DiagnosticCodes.FactInvalid, "A household has more than one member with role 'applicant'.", "Give exactly one member the role applicant; a spouse or cohabitant is 'partner'.");
    public static readonly DiagnosticDescriptor DuplicateFactId = Error(DiagnosticCodes.DuplicateId, "This {0} has the same id as the {0} at {1}.", "Give each {0} its own id, or remove the repeated {0}: results, ledgers and journals are keyed by it.");
    public static readonly DiagnosticDescriptor DuplicateMemberId = Error(DiagnosticCodes.FactInvalid, "Two members share the same id.", "Give each member its own id (m1, m2, …).");
    public static readonly DiagnosticDescriptor ChildrenWrongType = Error(DiagnosticCodes.FactWrongType, "childrenUnder18AtHome is the number of children under 18 living at home (or true/false), but found {0}.", "Write e.g. 2, 0, true or false, without quotes.");
    public static readonly DiagnosticDescriptor CitizenshipNotIso = Error(DiagnosticCodes.FactInvalid, "citizenship must be an ISO 3166 alpha-2 code.", "Write two capital letters, e.g. \"DK\".");
}
