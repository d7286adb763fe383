namespace RentalRules.Diagnostics;

/// <summary>The descriptors of conditions and expressions in a pack (RR02xx). Their arguments quote pack text only.</summary>
internal static partial class Descriptors
{
    private const string SplitHint = "Split it into several criteria.";
    private const string ShareHint = "Shares are fractions in [0, 1].";

    // RR0201: syntax.
    public static readonly DiagnosticDescriptor UnexpectedAfterCondition = Error(DiagnosticCodes.ExpressionSyntax, "Unexpected '{0}'.", "Join conditions with 'and' or 'or'.");
    public static readonly DiagnosticDescriptor UnexpectedToken = Error(DiagnosticCodes.ExpressionSyntax, "Unexpected '{0}'.", "Check for a missing operator or bracket before it.");
    public static readonly DiagnosticDescriptor ExpectedSymbol = Error(DiagnosticCodes.ExpressionSyntax, "Expected '{0}' but found '{1}'.", "Check the brackets and operators before this position.");
    public static readonly DiagnosticDescriptor ExpectedSymbolAtEnd = Error(DiagnosticCodes.ExpressionSyntax, "Expected '{0}' but found the end of the expression.", "Close every bracket the expression opens.");
    public static readonly DiagnosticDescriptor NotANumberLiteral = Error(DiagnosticCodes.ExpressionSyntax, "'{0}' is not a number.", "Write numbers as digits with a '.' decimal point, e.g. 0.28.");
    public static readonly DiagnosticDescriptor CalendarNeedsMonths = Error(DiagnosticCodes.ExpressionSyntax, "'calendar' goes with a whole number of months: 6 calendar months.", "Write e.g. 6 calendar months.");
    public static readonly DiagnosticDescriptor DurationNotWhole = Error(DiagnosticCodes.ExpressionSyntax, "A duration must be a whole number of years, months or days.", "Write e.g. 2 years, 6 months or 14 days.");
    public static readonly DiagnosticDescriptor CannotStartValue = Error(DiagnosticCodes.ExpressionSyntax, "'{0}' cannot start a value here.", "Check for a missing value before it.");
    public static readonly DiagnosticDescriptor EndsTooEarly = Error(DiagnosticCodes.ExpressionSyntax, "The expression ends too early.", "A value is missing at the end.");
    public static readonly DiagnosticDescriptor QuantifierWithoutVariable = Error(DiagnosticCodes.ExpressionSyntax, "'{0}' needs a variable: {0}(x in member.convictions: condition).", "Write {0}(x in some.list: condition).");
    public static readonly DiagnosticDescriptor QuantifierWithoutIn = Error(DiagnosticCodes.ExpressionSyntax, "Expected 'in' after '{1}'.", "Write {0}({1} in some.list: condition).");
    public static readonly DiagnosticDescriptor QuantifierWithoutList = Error(DiagnosticCodes.ExpressionSyntax, "Expected a list name after 'in'.", "Write e.g. any(c in member.convictions: c.date > on - 2 years).");
    public static readonly DiagnosticDescriptor NameAfterDot = Error(DiagnosticCodes.ExpressionSyntax, "Expected a name after '.'.", "Write a fact name, e.g. department.dwellings.");
    public static readonly DiagnosticDescriptor UnclosedText = Error(DiagnosticCodes.ExpressionSyntax, "The text literal is not closed.", "Add the closing {0}.");
    public static readonly DiagnosticDescriptor NotAnOperator = Error(DiagnosticCodes.ExpressionSyntax, "'{0}' is not an operator here.", "Write '{1}'.");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error(DiagnosticCodes.ExpressionSyntax, "Unexpected character '{0}'.", "Remove it: conditions are written with names, numbers, 'text', operators and brackets.");

    // RR0202: names.
    public static readonly DiagnosticDescriptor NoSuchFunction = Error(DiagnosticCodes.UnknownName, "There is no function '{0}'.", "{1}");
    public static readonly DiagnosticDescriptor OnHasNoFields = Error(DiagnosticCodes.UnknownName, "'on' is the evaluation date and has no fields.", "Use on itself, e.g. on - 2 years.");
    public static readonly DiagnosticDescriptor ParameterWithoutName = Error(DiagnosticCodes.UnknownName, "Write a parameter as param.name.", "Parameters are declared under \"parameters\" in the pack.");
    public static readonly DiagnosticDescriptor UnknownParameter = Error(DiagnosticCodes.UnknownName, "There is no parameter '{0}' in this pack.", "{1}");
    public static readonly DiagnosticDescriptor MemberOutOfScope = Error(DiagnosticCodes.UnknownName, "'member' is only available in a criterion with a \"members\" age band.", "Add \"members\": {{\"minAge\": .., \"maxAge\": ..}} to the criterion, or use applicant / any(m in household.members: ..).");
    public static readonly DiagnosticDescriptor UnknownNameInExpression = Error(DiagnosticCodes.UnknownName, "Unknown name '{0}'.", "{1}");
    public static readonly DiagnosticDescriptor HasNoFields = Error(DiagnosticCodes.UnknownName, "'{0}' has no fields.", "Use the fact itself; only records have fields.");
    public static readonly DiagnosticDescriptor NoSuchFact = Error(DiagnosticCodes.UnknownName, "'{0}' has no fact '{1}'.", "{2}");

    // RR0203: types.
    public static readonly DiagnosticDescriptor NotACondition = Error(DiagnosticCodes.TypeMismatch, "A condition must be true or false, but this is {0}.", "Compare it with something, e.g. '>= 0.3'.");
    public static readonly DiagnosticDescriptor NotANumber = Error(DiagnosticCodes.TypeMismatch, "This must be a number, but it is {0}.", "Name a numeric fact, e.g. department.lowRentShare.");
    public static readonly DiagnosticDescriptor ListOutsideIn = Error(DiagnosticCodes.TypeMismatch, "A list [..] can only stand on the right of 'in'.", "Write e.g. department.designation in ['prevention', 'none'].");
    public static readonly DiagnosticDescriptor MinusNeedsNumber = Error(DiagnosticCodes.TypeMismatch, "'-' needs a number, but this is {0}.", "Put '-' before a number or a numeric fact.");
    public static readonly DiagnosticDescriptor NeedsCondition = Error(DiagnosticCodes.TypeMismatch, "{0} needs a condition (true/false), but this is {1}.", "Compare the value with something first.");
    public static readonly DiagnosticDescriptor ArithmeticNeedsNumbers = Error(DiagnosticCodes.TypeMismatch, "'{0}' needs numbers on both sides, but got {1} and {2}.", "Write numbers or numeric facts on both sides.");
    public static readonly DiagnosticDescriptor ArithmeticWithDuration = Error(DiagnosticCodes.TypeMismatch, "'{0}' needs numbers on both sides, but got {1} and {2}.", "Durations go after a date: 'on - 2 years'.");
    public static readonly DiagnosticDescriptor CannotCompareWithDuration = Error(DiagnosticCodes.TypeMismatch, "Cannot compare {0} with {1} using '{2}'.", "Compare dates with dates: 'c.date > on - 2 years'.");
    public static readonly DiagnosticDescriptor CannotCompareTypes = Error(DiagnosticCodes.TypeMismatch, "Cannot compare {0} with {1} using '{2}'.", "Compare values of the same type: text with text, numbers with numbers, dates with dates.");
    public static readonly DiagnosticDescriptor CannotOrder = Error(DiagnosticCodes.TypeMismatch, "Cannot compare {0} with {1} using '{2}'.", "Only numbers and dates can be ordered with <, <=, > and >=.");
    public static readonly DiagnosticDescriptor NotAnEnumValue = Error(DiagnosticCodes.TypeMismatch, "'{0}' is not a value of {1}.", "{2}");
    public static readonly DiagnosticDescriptor ShareComparedOutOfRange = Error(DiagnosticCodes.TypeMismatch, "{0} is a share, but is compared with {1}.", ShareHint);
    public static readonly DiagnosticDescriptor ShareComparedWithPercent = Error(DiagnosticCodes.TypeMismatch, "{0} is a share, but is compared with {1}.", "Shares are fractions in [0, 1]: did you mean {2}?");
    public static readonly DiagnosticDescriptor InNeedsValue = Error(DiagnosticCodes.TypeMismatch, "'in [..]' needs text or a number on the left, but this is {0}.", "Put a text or numeric fact on the left of 'in'.");
    public static readonly DiagnosticDescriptor ListItemsText = Error(DiagnosticCodes.TypeMismatch, "The items of the list must be 'text' written out.", "Write the items as literals, e.g. ['a', 'b'].");
    public static readonly DiagnosticDescriptor ListItemsNumbers = Error(DiagnosticCodes.TypeMismatch, "The items of the list must be numbers written out.", "Write the items as literals, e.g. [1, 2].");
    public static readonly DiagnosticDescriptor InNeedsList = Error(DiagnosticCodes.TypeMismatch, "'in' needs a list on the right ([..] or a list of text such as department.flags), but this is {0}.", "Write e.g. x in ['a', 'b'].");
    public static readonly DiagnosticDescriptor FunctionTakesFact = Error(DiagnosticCodes.TypeMismatch, "{0}(..) takes one fact name, e.g. {0}(department.keyFigures.outsideLabourMarketShare).", "Give {0}(..) one fact name.");
    public static readonly DiagnosticDescriptor DateTakesLiteral = Error(DiagnosticCodes.TypeMismatch, "date(..) takes one date written as 'yyyy-MM-dd'.", "Write e.g. date('2024-07-01').");
    public static readonly DiagnosticDescriptor VariableInUse = Error(DiagnosticCodes.TypeMismatch, "The variable name '{0}' is already in use here.", "Choose another name.");
    public static readonly DiagnosticDescriptor QuantifierNeedsList = Error(DiagnosticCodes.TypeMismatch, "'{0}' needs a list such as member.convictions, but {1} is {2}.", "Quantify over a list, e.g. member.convictions or household.members.");
    public static readonly DiagnosticDescriptor SpellNeedsPeriods = Error(DiagnosticCodes.TypeMismatch, "'spell' needs a list of records with from and to (member.benefits, member.employment, member.education.enrolled), but {0} is {1}.", "Use member.benefits, member.employment or member.education.enrolled.");
    public static readonly DiagnosticDescriptor SumBodyNotNumber = Error(DiagnosticCodes.TypeMismatch, "The body of 'sum' must be a number, but this is {0}.", "Write e.g. sum(e in member.employment where current(e): e.monthlyGrossIncome).");
    public static readonly DiagnosticDescriptor CurrentUsage = Error(DiagnosticCodes.TypeMismatch, "current(..) takes a record or a list with from and to, and optionally a date: current(e), current(member.education.enrolled), current(e, on + 2 months).", "Give current(..) one or two arguments as shown.");
    public static readonly DiagnosticDescriptor WithinUsage = Error(DiagnosticCodes.TypeMismatch, WithinUsageText, "Give within(..) two or three arguments as shown.");
    public static readonly DiagnosticDescriptor WithinDuration = Error(DiagnosticCodes.TypeMismatch, "The second argument of within(..) must be a duration written out, e.g. 2 years, but this is {0}.", WithinUsageText);
    public static readonly DiagnosticDescriptor LastArgumentDate = Error(DiagnosticCodes.TypeMismatch, "The last argument of {0}(..) must be a date, e.g. on + 2 months, but this is {1}.", "Write a date, e.g. on + 2 months.");
    public static readonly DiagnosticDescriptor NeedsPeriod = Error(DiagnosticCodes.TypeMismatch, "{0} needs an employment, an enrolment or a benefit (a record with from and to), or a list of them, but this is {1}.", "Write e.g. current(member.education.enrolled) or any(e in member.employment: current(e)).");
    public static readonly DiagnosticDescriptor CalendarMonthsOnSpell = Error(DiagnosticCodes.TypeMismatch, "Calendar months measure a spell only: spell(..) >= 6 calendar months.", "Write months for a date: on - 6 months.");
    public static readonly DiagnosticDescriptor SpellComparison = Error(DiagnosticCodes.TypeMismatch, "A spell can only be compared with a duration written out, using >=, >, < or <= (spell(..) >= 6 months); this compares {0} with {1} using '{2}'.", "Write the spell on the left and the duration on the right.");

    private const string WithinUsageText = "within(..) takes a date or a record, a duration and optionally the date the window ends on: within(c.date, 2 years), within(b, 2 years), within(household.divorce.date, 1 year, on).";

    // RR0204: size.
    public static readonly DiagnosticDescriptor ExpressionTooLong = Error(DiagnosticCodes.ExpressionTooComplex, "The expression is {0} characters long; at most {1} are allowed.", SplitHint);
    public static readonly DiagnosticDescriptor TooManyOperators = Error(DiagnosticCodes.ExpressionTooComplex, "The expression has more than {0} operators.", SplitHint);
    public static readonly DiagnosticDescriptor ExpressionTooDeep = Error(DiagnosticCodes.ExpressionTooComplex, "The expression nests more than {0} levels deep.", "Flatten it, or split it into several criteria.");
    public static readonly DiagnosticDescriptor ExpressionTooDeepToCompile = Error(DiagnosticCodes.ExpressionTooComplex, "The expression is too deeply nested to compile.", SplitHint);
    public static readonly DiagnosticDescriptor CriteriaTooDeep = Error(DiagnosticCodes.ExpressionTooComplex, "Criteria nest more than {0} levels deep.", "Flatten the groups.");
}
