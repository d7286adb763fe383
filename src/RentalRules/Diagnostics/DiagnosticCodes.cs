namespace RentalRules.Diagnostics;

/// <summary>
/// The stable diagnostic codes. RR00xx: JSON syntax; RR01xx: pack structure; RR02xx: expressions;
/// RR03xx: fact files (departments, households, vacancies); RR04xx: pack analysis warnings.
/// Constants only: safe to use from any thread.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid JSON (or is truncated).</summary>
    public const string JsonSyntax = "RR0001";

    /// <summary>A file could not be read.</summary>
    public const string FileUnreadable = "RR0002";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "RR0101";

    /// <summary>A property is not part of the format.</summary>
    public const string UnknownProperty = "RR0102";

    /// <summary>A value has the wrong JSON type.</summary>
    public const string WrongType = "RR0103";

    /// <summary>A value is not one of the allowed values.</summary>
    public const string InvalidValue = "RR0104";

    /// <summary>A reference (tier, criteria set, clause, base pack) points nowhere.</summary>
    public const string UnresolvedReference = "RR0105";

    /// <summary>Two things share an id.</summary>
    public const string DuplicateId = "RR0106";

    /// <summary>A base pack could not be found or packs extend each other in a cycle.</summary>
    public const string BasePack = "RR0107";

    /// <summary>A share or fraction is outside [0, 1].</summary>
    public const string ShareOutOfRange = "RR0108";

    /// <summary>A pack is larger than a documented limit (bytes, rules, conditions; docs/pack-format.md, Limits).</summary>
    public const string LimitExceeded = "RR0109";

    /// <summary>An expression has a syntax error.</summary>
    public const string ExpressionSyntax = "RR0201";

    /// <summary>An expression names something unknown.</summary>
    public const string UnknownName = "RR0202";

    /// <summary>An expression has a type error.</summary>
    public const string TypeMismatch = "RR0203";

    /// <summary>An expression nests too deeply or is too long.</summary>
    public const string ExpressionTooComplex = "RR0204";

    /// <summary>A fact file has a value of the wrong type.</summary>
    public const string FactWrongType = "RR0301";

    /// <summary>A fact file names a fact that does not exist.</summary>
    public const string FactUnknown = "RR0302";

    /// <summary>A fact value is out of range or not an allowed value.</summary>
    public const string FactInvalid = "RR0303";

    /// <summary>A parameter has no value on some date of the pack's validity period.</summary>
    public const string ParameterGap = "RR0401";

    /// <summary>A placement rule can never apply because an earlier rule always applies.</summary>
    public const string UnreachableRule = "RR0402";

    /// <summary>A tier no placement rule leads to.</summary>
    public const string UnusedTier = "RR0403";

    /// <summary>Some departments are placed by no rule of the table.</summary>
    public const string PlacementGap = "RR0404";

    /// <summary>Two rules of a unique-hit table place the same department.</summary>
    public const string PlacementOverlap = "RR0405";

    /// <summary>A tier a department covered by a statutory obligation can reach does not meet it (e.g. § 60 stk. 4); information where the agreement acknowledges it.</summary>
    public const string StatutoryObligation = "RR0406";

    /// <summary>A ledger is malformed, inconsistent or fails its checksum.</summary>
    public const string LedgerInvalid = "RR0501";

    /// <summary>A ledger was kept under another pack.</summary>
    public const string LedgerForeign = "RR0502";

    /// <summary>A decision journal (file, entry or store) is malformed, inconsistent or fails its checksum.</summary>
    public const string JournalInvalid = "RR0503";

    /// <summary>A decision journal was kept under another pack or municipality.</summary>
    public const string JournalForeign = "RR0504";

    /// <summary>A decision journal (or its database schema) has a newer format version than this library reads.</summary>
    public const string JournalNewer = "RR0505";

    /// <summary>A vacancy to re-route has no recorded decision.</summary>
    public const string JournalUnknownVacancy = "RR0506";

    /// <summary>A pack has no tests file beside it (pack tests, <c>rentalrules test</c>).</summary>
    public const string PackTestsMissing = "RR0601";

    /// <summary>A clause the pack cites is cited by no case of its tests.</summary>
    public const string PackTestsUncovered = "RR0602";

    /// <summary>RentalRules itself failed on an input (a fault in the library, not an error in the input it could name).</summary>
    public const string InternalError = "RR0900";
}
