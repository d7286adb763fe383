namespace RentalRules.Diagnostics;

/// <summary>The descriptors of pack files: reading (RR0001, RR0002), composing and checking them (RR01xx).</summary>
internal static partial class Descriptors
{
    private const string TruncatedHint = "The file looks truncated: check that every {{ and [ is closed.";
    private const string LiteralHint = "Write null, true or false in full, without quotes.";
    private const string NumberHint = "Write numbers as digits with a '.' decimal point, e.g. 0.28.";
    private const string DepthHint = "Flatten the structure; no pack or fact file needs this depth.";

    // RR0001: JSON syntax. Arguments never quote the text of the file (in a fact file it may be personal data).
    public static readonly DiagnosticDescriptor JsonEmpty = Error(DiagnosticCodes.JsonSyntax, "The file is empty.", "A pack or fact file is one JSON object (or an array of them).");
    public static readonly DiagnosticDescriptor JsonTrailingText = Error(DiagnosticCodes.JsonSyntax, "There is more text after the end of the JSON value.", "Remove the trailing text, or wrap several values in an array.");
    public static readonly DiagnosticDescriptor JsonInvalid = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON at this position.", "Check the JSON syntax near this position (quotes, commas, brackets).");
    public static readonly DiagnosticDescriptor JsonLiteralNull = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON literal: expected null.", LiteralHint);
    public static readonly DiagnosticDescriptor JsonLiteralTrue = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON literal: expected true.", LiteralHint);
    public static readonly DiagnosticDescriptor JsonLiteralFalse = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON literal: expected false.", LiteralHint);
    public static readonly DiagnosticDescriptor JsonExpectedValue = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: expected a value (text in double quotes, a number, true, false, null, an object or a list).", "Put text in double quotes; write numbers with a '.' decimal point.");
    public static readonly DiagnosticDescriptor JsonExpectedSeparator = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: expected ',', '}}' or ']' after a value.", "Separate values with commas; close every {{ and [.");
    public static readonly DiagnosticDescriptor JsonExpectedColon = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: expected ':' after a property name.", "Write \"name\": value.");
    public static readonly DiagnosticDescriptor JsonExpectedName = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: expected a property name in double quotes.", "Write \"name\": value; remove a trailing comma.");
    public static readonly DiagnosticDescriptor JsonUnescapedCharacter = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a text contains a character that must be escaped (a control character or line break).", "Escape it (\\n, \\t, \\\"), or close the quote.");
    public static readonly DiagnosticDescriptor JsonInvalidEscape = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a text contains an invalid escape.", "Valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.");
    public static readonly DiagnosticDescriptor JsonShortUnicodeEscape = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a \\u escape needs four hex digits.", "Write \\u followed by four hex digits, e.g. \\u00e6.");
    public static readonly DiagnosticDescriptor JsonLoneSurrogate = Error(DiagnosticCodes.JsonSyntax, "The text contains an invalid escape (a lone UTF-16 surrogate).", "Remove the \\uD800-\\uDFFF escape or complete the surrogate pair.");
    public static readonly DiagnosticDescriptor JsonNumberDelimiter = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a number is followed by a character that cannot follow it.", NumberHint);
    public static readonly DiagnosticDescriptor JsonLeadingZero = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a number has a leading zero before another digit (like 025).", "Leave out the leading zero (25); write a number below 1 as 0.25.");
    public static readonly DiagnosticDescriptor JsonNumberIncomplete = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a number is incomplete (a digit is expected).", NumberHint);
    public static readonly DiagnosticDescriptor JsonUnmatchedClose = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a closing bracket without a matching opening one.", "Check that every }} and ] matches an earlier {{ or [.");
    public static readonly DiagnosticDescriptor JsonTruncated = Error(DiagnosticCodes.JsonSyntax, "Unexpected end of file: the JSON is incomplete.", TruncatedHint);
    public static readonly DiagnosticDescriptor JsonTrailingComma = Error(DiagnosticCodes.JsonSyntax, "Invalid JSON: a trailing comma before a closing bracket.", "Remove the comma after the last item.");
    public static readonly DiagnosticDescriptor JsonTooDeep = Error(DiagnosticCodes.JsonSyntax, "The JSON is nested deeper than {0} levels.", DepthHint);
    public static readonly DiagnosticDescriptor JsonDuplicateProperty = Error(DiagnosticCodes.JsonSyntax, "The property '{0}' appears twice in the same object.", "Keep one of them.");

    // RR0002: files.
    public static readonly DiagnosticDescriptor PackUnreadable = Error(DiagnosticCodes.FileUnreadable, "Cannot read the pack: {0}", "Check the path.");
    public static readonly DiagnosticDescriptor NoSuchResource = Error(DiagnosticCodes.FileUnreadable, "The assembly {0} has no resource '{1}'.", EmbedHint + " {2}");
    public static readonly DiagnosticDescriptor NoJsonResources = Error(DiagnosticCodes.FileUnreadable, "The assembly {0} has no resource '{1}'.", EmbedHint + " The assembly has no .json resources.");

    private const string EmbedHint = "Embed the pack with <EmbeddedResource Include=\"…\" /> and use its manifest resource name.";

    // RR0101: missing properties.
    public static readonly DiagnosticDescriptor MissingProperty = Error(DiagnosticCodes.MissingProperty, "{0} needs '{1}'.", "Add \"{1}\".");
    public static readonly DiagnosticDescriptor NoTiers = Error(DiagnosticCodes.MissingProperty, "A pack needs at least one tier (its own or from a base pack).", "Add \"tiers\", or extend a pack that has them.");
    public static readonly DiagnosticDescriptor CriterionWithoutKind = Error(DiagnosticCodes.MissingProperty, "The criterion '{0}' needs exactly one of condition, all, any or criteriaSet.", "Add a \"condition\".");
    public static readonly DiagnosticDescriptor CriterionWithSeveralKinds = Error(DiagnosticCodes.MissingProperty, "The criterion '{0}' needs exactly one of condition, all, any or criteriaSet.", "Keep one of {1}.");
    public static readonly DiagnosticDescriptor RouteOrCounter = Error(DiagnosticCodes.MissingProperty, "{0} needs either a fixed \"route\" or a \"counter\" with a \"share\", not both.", "Write \"route\": \"outOfScope\", or \"counter\": \"family\" with \"share\": \"tier\".");
    public static readonly DiagnosticDescriptor LettingChangesNothing = Error(DiagnosticCodes.MissingProperty, "The letting of the routing rule '{0}' changes nothing.", "Give \"routes\" (any of municipal, flexible, waitingList) or \"flexibleLetting\", or remove \"letting\".");
    public static readonly DiagnosticDescriptor ObligationCriterionReadsNothing = Error(DiagnosticCodes.MissingProperty, "{0}: its criterion '{1}' reads no fact.", "Write e.g. \"reads\": [\"employment\"].");
    public static readonly DiagnosticDescriptor ConcentrationWithoutLimit = Error(DiagnosticCodes.MissingProperty, "concentration needs a \"department\" or a \"stairwell\" limit.", "Write e.g. \"department\": {{ \"max\": \"param.maxPerDepartment\", \"months\": 12 }}.");

    // RR0102: unknown properties.
    public static readonly DiagnosticDescriptor UnknownProperty = Error(DiagnosticCodes.UnknownProperty, "{0} has no property '{1}'.", "{2}");

    // RR0103: wrong JSON types.
    public static readonly DiagnosticDescriptor ExpectedObject = Error(DiagnosticCodes.WrongType, "{0} must be an object, but is {1}.", "Write it as {{ \"name\": value, … }}.");
    public static readonly DiagnosticDescriptor ExpectedText = Error(DiagnosticCodes.WrongType, "Expected text, but found {0}.", "Put the value in double quotes.");
    public static readonly DiagnosticDescriptor ExpectedNumber = Error(DiagnosticCodes.WrongType, "Expected a number, but found {0}.", "Write a number, without quotes.");
    public static readonly DiagnosticDescriptor ExpectedNumberNotText = Error(DiagnosticCodes.WrongType, "Expected a number, but found {0}.", "Write the number without quotes.");
    public static readonly DiagnosticDescriptor ShareAsPercentText = Error(DiagnosticCodes.WrongType, "A share is a number in [0, 1], not a percentage text.", "Write e.g. 0.28 for 28 %.");
    public static readonly DiagnosticDescriptor ExpectedBool = Error(DiagnosticCodes.WrongType, "Expected true or false, but found {0}.", "Write true or false.");
    public static readonly DiagnosticDescriptor ExpectedBoolNotText = Error(DiagnosticCodes.WrongType, "Expected true or false, but found {0}.", "Write true or false without quotes.");
    public static readonly DiagnosticDescriptor ExpectedDate = Error(DiagnosticCodes.WrongType, "Expected a date 'yyyy-MM-dd', but found {0}.", "Write the date in quotes, e.g. \"2024-07-01\".");
    public static readonly DiagnosticDescriptor ExpectedDateOrNever = Error(DiagnosticCodes.WrongType, "Expected a date 'yyyy-MM-dd', but found {0}.", "Write a date in quotes, or false if it never happened.");
    public static readonly DiagnosticDescriptor ExpectedList = Error(DiagnosticCodes.WrongType, "Expected a list [..], but found {0}.", "Wrap the value in [ ].");
    public static readonly DiagnosticDescriptor PackNotAnObject = Error(DiagnosticCodes.WrongType, "A pack must be a JSON object, but this is {0}.", "Start the file with {{.");
    public static readonly DiagnosticDescriptor ExtendsNotAList = Error(DiagnosticCodes.WrongType, "extends must be a list of pack ids.", "Write e.g. \"extends\": [\"dk-statutory-restrictions\"].");

    // RR0104: values that are not allowed.
    public static readonly DiagnosticDescriptor EmptyText = Error(DiagnosticCodes.InvalidValue, "The text must not be empty.", "Write the text, or leave the property out where it is optional.");
    public static readonly DiagnosticDescriptor NumberTooPrecise = Error(DiagnosticCodes.InvalidValue, "The number has more digits than can be read exactly (at most 28 significant digits and 28 decimal places).", "Round it; a share needs at most 18 decimal places.");
    public static readonly DiagnosticDescriptor NumberOutOfRange = Error(DiagnosticCodes.InvalidValue, "The number is out of range.", "Write a number of at most 28 digits.");
    public static readonly DiagnosticDescriptor NumberNotInRange = Error(DiagnosticCodes.InvalidValue, "The number must be {0}.", "Write a number {0}.");
    public static readonly DiagnosticDescriptor NotAWholeNumber = Error(DiagnosticCodes.InvalidValue, "{0} must be a whole number.", "{1}");
    public static readonly DiagnosticDescriptor ExpectedWholeNumber = Error(DiagnosticCodes.InvalidValue, "Expected a whole number.", "Write it without decimals.");
    public static readonly DiagnosticDescriptor ShareNotExact = Error(DiagnosticCodes.InvalidValue, "The share cannot be used as an exact fraction: written out in lowest terms, its numerator and denominator must each fit in 18 digits.", "Round it to at most 18 decimal places.");
    public static readonly DiagnosticDescriptor InvalidDate = Error(DiagnosticCodes.InvalidValue, "Not a valid date.", "Dates are ISO yyyy-MM-dd, e.g. \"2024-07-01\".");
    public static readonly DiagnosticDescriptor NullListItem = Error(DiagnosticCodes.InvalidValue, "A list item must not be null.", "Remove the null item.");
    public static readonly DiagnosticDescriptor NotAllowedHere = Error(DiagnosticCodes.InvalidValue, "'{0}' is not allowed here.", "{1}");
    public static readonly DiagnosticDescriptor ValidToBeforeValidFrom = Error(DiagnosticCodes.InvalidValue, "validTo is before validFrom.", "Make validTo the day validFrom is or a later one.");
    public static readonly DiagnosticDescriptor MinAgeAboveMaxAge = Error(DiagnosticCodes.InvalidValue, "minAge is above maxAge.", "Make minAge at most maxAge.");
    public static readonly DiagnosticDescriptor NotAFraction = Error(DiagnosticCodes.InvalidValue, "{0} must be an exact fraction such as \"1/3\", \"11/50\" or \"0\".", "Write the share as a fraction string.");
    public static readonly DiagnosticDescriptor ParameterNotAShare = Error(DiagnosticCodes.InvalidValue, "The parameter '{0}' is not a share.", "Give it \"unit\": \"share\" (a fraction in [0, 1]).");
    public static readonly DiagnosticDescriptor CountersReset = Error(DiagnosticCodes.InvalidValue, "'reset' is no longer allowed: starting the count again at every tier change loses allocations the agreement gives the municipality (a department flipping between shares of 1/3 and 1/6 could get none).", "Write \"carry\": the count's progress carries over to the new tier's share, so the municipality gets the sum of each period's vacancies × its share.");
    public static readonly DiagnosticDescriptor ExtendsPath = Error(DiagnosticCodes.InvalidValue, "extends names pack ids, not files: '{0}' is a path.", ExtendsIdHint);
    public static readonly DiagnosticDescriptor ExtendsNotAnId = Error(DiagnosticCodes.InvalidValue, "extends names pack ids: '{0}' is not a pack id.", ExtendsIdHint);

    private const string ExtendsIdHint = "Write the base pack's id, e.g. \"holbaek-2024\" (letters, digits, '-', '_' and '.'): it is looked up as ID.json beside this pack, then in a rules/ folder above it, then among the built-in packs ('rentalrules packs'). No other file is opened.";

    // RR0105: references that point nowhere.
    public static readonly DiagnosticDescriptor NoSuchTier = Error(DiagnosticCodes.UnresolvedReference, "There is no tier '{0}'.", "{1}");
    public static readonly DiagnosticDescriptor NoSuchParameter = Error(DiagnosticCodes.UnresolvedReference, "There is no parameter '{0}' in this pack.", "{1}");
    public static readonly DiagnosticDescriptor NoSuchCriteriaSet = Error(DiagnosticCodes.UnresolvedReference, "There is no criteria set '{0}'.", "{1}");
    public static readonly DiagnosticDescriptor UndeclaredClause = Error(DiagnosticCodes.UnresolvedReference, "The clause '{0}' is not declared under \"clauses\".", "{1} Declare every clause a rule cites.");
    public static readonly DiagnosticDescriptor TextQuotesUnknownParameter = Error(DiagnosticCodes.UnresolvedReference, "The text quotes {{param.{0}}}, but there is no parameter '{0}' in this pack.", "{1}");
    public static readonly DiagnosticDescriptor InterpretationOnNothing = Error(DiagnosticCodes.UnresolvedReference, "The interpretation '{0}' is on '{1}', which is not a rule, criterion, tier, mark or parameter of this pack.", "{2}");
    public static readonly DiagnosticDescriptor CriteriaSetCycle = Error(DiagnosticCodes.UnresolvedReference, "The criteria set '{0}' refers to itself through criteriaSet references.", "Remove the circular reference.");

    // RR0106: ids used twice.
    public static readonly DiagnosticDescriptor DuplicateCriterion = Error(DiagnosticCodes.DuplicateId, "The criterion id '{0}' is used twice in this pack.", "Criterion ids are unique across the pack.");
    public static readonly DiagnosticDescriptor DuplicateRequirement = Error(DiagnosticCodes.DuplicateId, "The requirement id '{0}' is used twice in this pack.", "Requirement ids are unique across the pack, the tiers' routes and the pack-wide requirements alike.");
    public static readonly DiagnosticDescriptor DuplicatePlacementRule = Error(DiagnosticCodes.DuplicateId, "The placement rule id '{0}' is used twice.", "Give each placement rule its own id; a pack that extends another changes a rule by giving its id once.");
    public static readonly DiagnosticDescriptor DuplicateRoutingRule = Error(DiagnosticCodes.DuplicateId, "The routing rule id '{0}' is used twice.", "Give each routing rule its own id; a pack that extends another changes a rule by giving its id once.");
    public static readonly DiagnosticDescriptor DuplicateMark = Error(DiagnosticCodes.DuplicateId, "The mark id '{0}' is used twice.", "Give each mark its own id.");
    public static readonly DiagnosticDescriptor DuplicateInterpretation = Error(DiagnosticCodes.DuplicateId, "The interpretation id '{0}' is used twice.", "Give each interpretation its own id.");
    public static readonly DiagnosticDescriptor DuplicateObligation = Error(DiagnosticCodes.DuplicateId, "The obligation id '{0}' is used twice.", "Give each obligation its own id.");
    public static readonly DiagnosticDescriptor DuplicateObligationCriterion = Error(DiagnosticCodes.DuplicateId, "{0} names the criterion kind '{1}' twice.", "Give each kind of criterion its own id.");
    public static readonly DiagnosticDescriptor DuplicateParameterDate = Error(DiagnosticCodes.DuplicateId, "The parameter '{0}' has two values from the same date.", "Keep one value per date.");

    // RR0107: base packs.
    public static readonly DiagnosticDescriptor NoBuiltInPack = Error(DiagnosticCodes.BasePack, "There is no built-in pack '{0}'.", "'rentalrules packs' (or RulePackLoader.BuiltInPacks) lists the built-in packs.");
    public static readonly DiagnosticDescriptor NoBuiltInPackClosest = Error(DiagnosticCodes.BasePack, "There is no built-in pack '{0}'.", "Did you mean '{1}'? 'rentalrules packs' (or RulePackLoader.BuiltInPacks) lists the built-in packs.");
    public static readonly DiagnosticDescriptor BaseNotFound = Error(DiagnosticCodes.BasePack, "The base pack '{0}' cannot be found.", "{1}");
    public static readonly DiagnosticDescriptor ExtendsCycle = Error(DiagnosticCodes.BasePack, "The packs extend each other in a cycle: {0}.", "Remove one of the extends.");
    public static readonly DiagnosticDescriptor ExtendsTooDeep = Error(DiagnosticCodes.BasePack, "The packs extend each other more than {0} levels deep: {1}.", ExtendsDepthHint);
    public static readonly DiagnosticDescriptor ExtendsTooDeepBelow = Error(DiagnosticCodes.BasePack, "The packs extend each other more than {0} levels deep: {1} (and {2} more levels below it).", ExtendsDepthHint);

    private const string ExtendsDepthHint = "A pack may have at most {0} levels of extends below it; merge some of the packs into one.";

    // RR0108: shares.
    public static readonly DiagnosticDescriptor ShareOutOfRange = Error(DiagnosticCodes.ShareOutOfRange, "A share must be between 0 and 1.", "Shares are fractions in [0, 1].");
    public static readonly DiagnosticDescriptor ShareLooksLikePercent = Error(DiagnosticCodes.ShareOutOfRange, "A share must be between 0 and 1.", "Shares are fractions in [0, 1]: did you mean {0}?");
    public static readonly DiagnosticDescriptor FractionAboveOne = Error(DiagnosticCodes.ShareOutOfRange, "{0} is above 1 (100 %).", "Shares are fractions in [0, 1].");
    public static readonly DiagnosticDescriptor FractionLooksLikePercent = Error(DiagnosticCodes.ShareOutOfRange, "{0} is above 1 (100 %).", "Shares are fractions in [0, 1]. Did you mean \"{1}\" ({2} %)?");

    // RR0109: limits.
    public static readonly DiagnosticDescriptor TooManyBytes = Error(DiagnosticCodes.LimitExceeded, "The pack file has {0:N0} bytes; a pack file may have at most {1:N0}.", "Split the agreement into packs that extend each other, or check that this is a pack file.");
    public static readonly DiagnosticDescriptor TooManyRules = Error(DiagnosticCodes.LimitExceeded, "The pack has {0:N0} rules (placement rules, requirements, criteria, routing rules and marks); a pack may have at most {1:N0}.", "An agreement needs far fewer: check for generated or repeated rules.");
    public static readonly DiagnosticDescriptor TooManyConditions = Error(DiagnosticCodes.LimitExceeded, "This condition is one more than a pack may have ({0:N0}); the rest of the pack's conditions are not compiled.", "An agreement needs far fewer: check for generated or repeated rules.");
}
