namespace RentalRules.Diagnostics;

/// <summary>The meaning of every code, with the general hint (docs/diagnostics.md is generated from it and checked by a test).</summary>
internal static partial class Descriptors
{
    /// <summary>Every code, in order. Fact files report the generic reading problems of RR0103, RR0102 and RR0104/RR0108 under RR0301, RR0302 and RR0303.</summary>
    public static IReadOnlyList<DiagnosticCode> Codes { get; } =
    [
        new(DiagnosticCodes.JsonSyntax, Severity.Error, "The text is not valid JSON (or CSV), or is truncated.", "Fix the syntax at the position given; the message says what was expected there."),
        new(DiagnosticCodes.FileUnreadable, Severity.Error, "A file could not be read.", "Check the path, or the name of the resource or stream."),
        new(DiagnosticCodes.MissingProperty, Severity.Error, "A required property is missing.", "Add the property the message names."),
        new(DiagnosticCodes.UnknownProperty, Severity.Error, "A property is not part of the format.", "Correct the spelling (the hint names the closest property), or remove it."),
        new(DiagnosticCodes.WrongType, Severity.Error, "A value has the wrong JSON type.", "Write the value as the type the message names (text in quotes, numbers without)."),
        new(DiagnosticCodes.InvalidValue, Severity.Error, "A value is not one of the allowed values.", "Use one of the values the hint lists, or the format it shows."),
        new(DiagnosticCodes.UnresolvedReference, Severity.Error, "A reference (tier, criteria set, clause, parameter, rule) points nowhere.", "Correct the name (the hint names the closest one), or declare what it refers to."),
        new(DiagnosticCodes.DuplicateId, Severity.Error, "Two things share an id.", "Give each its own id; a pack that extends another changes an item by giving its id once."),
        new(DiagnosticCodes.BasePack, Severity.Error, "A base pack could not be found, or packs extend each other in a cycle or too deeply.", "Name the base pack by id and put ID.json beside the pack or in a rules/ folder above it; break the cycle."),
        new(DiagnosticCodes.ShareOutOfRange, Severity.Error, "A share or fraction is outside [0, 1].", "Write shares as fractions in [0, 1]: 28 % is 0.28 or \"7/25\"."),
        new(DiagnosticCodes.LimitExceeded, Severity.Error, "A pack is larger than a documented limit (bytes, rules, conditions).", "Split the pack, or check for generated or repeated rules (docs/pack-format.md, Limits)."),
        new(DiagnosticCodes.ExpressionSyntax, Severity.Error, "A condition has a syntax error.", "Fix the condition at the column given; docs/pack-format.md describes the language."),
        new(DiagnosticCodes.UnknownName, Severity.Error, "A condition names a fact, parameter or function that does not exist.", "Correct the name (the hint names the closest one)."),
        new(DiagnosticCodes.TypeMismatch, Severity.Error, "A condition has a type error (or compares a fact with a value it cannot have).", "Compare values of the same type; the message names both."),
        new(DiagnosticCodes.ExpressionTooComplex, Severity.Error, "A condition, or a tree of criteria, nests too deeply or is too long.", "Split it into several criteria, or flatten the groups."),
        new(DiagnosticCodes.FactWrongType, Severity.Error, "A fact file has a value of the wrong type.", "Write the value as the type the message names."),
        new(DiagnosticCodes.FactUnknown, Severity.Error, "A fact file names a fact that does not exist.", "Correct the name (the hint names the closest fact), or remove it."),
        new(DiagnosticCodes.FactInvalid, Severity.Error, "A fact value is out of range or not an allowed value.", "Use a value the hint allows; the message never quotes the value (it may be personal data)."),
        new(DiagnosticCodes.ParameterGap, Severity.Warning, "A parameter has no value on some date of the pack's validity period.", "Add a value from that date, or conditions using it are undetermined."),
        new(DiagnosticCodes.UnreachableRule, Severity.Warning, "A placement rule can never apply because earlier rules always decide.", "Move the rule earlier, correct its condition, or remove it."),
        new(DiagnosticCodes.UnusedTier, Severity.Warning, "No placement rule leads to a tier.", "Add a rule for the tier, or remove it."),
        new(DiagnosticCodes.PlacementGap, Severity.Warning, "Some departments are placed by no rule of the table.", "Make the bands of the conditions meet, or add a rule."),
        new(DiagnosticCodes.PlacementOverlap, Severity.Warning, "Two rules of a unique-hit table place the same department.", "Make the conditions exclusive, or use hit policy first."),
        new(DiagnosticCodes.StatutoryObligation, Severity.Warning, "A tier that a department covered by a statutory obligation (e.g. § 60 stk. 4) can reach does not meet it; information where the agreement acknowledges it.", "Give the covered departments a tier that meets the obligation, or acknowledge it with the agreement's clause."),
        new(DiagnosticCodes.LedgerInvalid, Severity.Error, "A ledger is malformed, inconsistent or fails its checksum.", "Restore the ledger from the host's store; counts are never reset silently."),
        new(DiagnosticCodes.LedgerForeign, Severity.Error, "A ledger was kept under another pack.", "Use the ledger of this pack, or start a new one for it."),
        new(DiagnosticCodes.JournalInvalid, Severity.Error, "A decision journal (file, entry or store) is malformed, inconsistent or fails its checksum.", "Restore the journal from a backup; a journal is never repaired silently."),
        new(DiagnosticCodes.JournalForeign, Severity.Error, "A decision journal was kept under another pack or municipality.", "Use the journal of this pack and municipality."),
        new(DiagnosticCodes.JournalNewer, Severity.Error, "A decision journal (or its database schema) has a newer format version than this library reads.", "Use the RentalRules version that wrote it, or a later one."),
        new(DiagnosticCodes.JournalUnknownVacancy, Severity.Error, "A vacancy to re-route has no recorded decision.", "Route the vacancy first; re-routing corrects a recorded decision."),
        new(DiagnosticCodes.PackTestsMissing, Severity.Error, "A pack has no pack tests file (ID.tests.json) beside it; a warning for a draft.", "Write the cases the pack must answer in ID.tests.json (docs/pack-format.md, Pack tests)."),
        new(DiagnosticCodes.PackTestsUncovered, Severity.Error, "A clause the pack cites is cited by no case of its pack tests; a warning for draft and illustrative packs.", "Add a case that exercises the clause and lists it in \"clauses\"."),
        new(DiagnosticCodes.InternalError, Severity.Error, "RentalRules itself failed on an input: a fault in the library, not an error the diagnostics could name.", "Report it with the input. The hosting pack provider lists such a pack file as invalid and serves the others."),
    ];
}
