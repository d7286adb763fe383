namespace RentalRules.Diagnostics;

/// <summary>
/// The descriptors of reading a pack tests file (<c>ID.tests.json</c>): its cases, the facts they give and the answers
/// they expect, checked against the pack they run on. Their arguments are names from the tests file and the pack, and
/// counts; never a fact value. The reader puts "Case 'NAME': " before the message of a problem inside a case.
/// </summary>
internal static partial class Descriptors
{
    // RR0101: missing properties.
    public static readonly DiagnosticDescriptor CaseWithoutDate = Error(DiagnosticCodes.MissingProperty, "The case needs a date: 'on' in the case or at the top of the file.", "Add \"on\": \"yyyy-MM-dd\".");
    public static readonly DiagnosticDescriptor CaseCheckWithoutRoute = Error(DiagnosticCodes.MissingProperty, "The case checks a household but names no route.", "Add \"route\": {0}.");
    public static readonly DiagnosticDescriptor CaseCounterWithoutDepartment = Error(DiagnosticCodes.MissingProperty, "A ledger counter needs the department it counts.", "Add \"department\", or give the case's department an \"id\".");
    public static readonly DiagnosticDescriptor CaseOfferHouseholdWithoutId = Error(DiagnosticCodes.MissingProperty, "A household of an offer needs an id: the expected list names households by it.", "Add \"id\" to the household, or give it as the name of one of the file's households.");
    public static readonly DiagnosticDescriptor CaseExpectsNothing = Error(DiagnosticCodes.MissingProperty, "The case expects nothing, so it cannot fail.", "Say what the pack must answer, e.g. \"tier\", \"outcome\", \"criteria\", \"routing\" or \"offered\".");

    // RR0103: wrong JSON types.
    public static readonly DiagnosticDescriptor CasesNotAList = Error(DiagnosticCodes.WrongType, "'cases' must be a list [..], but is {0}.", "Write \"cases\": [ {{ \"name\": …, … }} ].");
    public static readonly DiagnosticDescriptor CaseClausesNotAList = Error(DiagnosticCodes.WrongType, "The case must cite the clauses it exercises as a non-empty list.", "Write \"clauses\": [\"§ 6\"].");
    public static readonly DiagnosticDescriptor CaseOfferHouseholdsNotAList = Error(DiagnosticCodes.WrongType, "'households' must be a list [..], but is {0}.", "Write \"households\": [\"anna\", \"bo\"], names of the file's households or households with an \"id\".");

    // RR0104: values that are not allowed.
    public static readonly DiagnosticDescriptor CaseNotOneOf = Error(DiagnosticCodes.InvalidValue, "'{0}' is not {1}.", "{2}");
    public static readonly DiagnosticDescriptor CaseVacancyWithoutHousehold = Error(DiagnosticCodes.InvalidValue, "The case gives a 'vacancy' (the dwelling of a check) but no household.", "Add the household to check, or route dwellings with \"vacancies\": [ … ].");
    public static readonly DiagnosticDescriptor CaseLedgerWithoutVacancies = Error(DiagnosticCodes.InvalidValue, "The case starts from a ledger but routes no vacancies.", "Add \"vacancies\": [ … ], the vacancies to route from that ledger.");
    public static readonly DiagnosticDescriptor CaseDueNotAFraction = Error(DiagnosticCodes.InvalidValue, "'due' must be an exact fraction such as \"5/3\".", "Write the sum of the shares counted as a fraction in quotes.");
    public static readonly DiagnosticDescriptor CaseCounterLettingsAboveCounted = Error(DiagnosticCodes.InvalidValue, "A ledger counter's municipal and flexible lettings cannot exceed what it counted.", "Make \"counted\" at least \"municipal\" + \"flexible\".");
    public static readonly DiagnosticDescriptor CaseExpectsCheckWithoutHousehold = Error(DiagnosticCodes.InvalidValue, "The case expects '{0}' of a check, but gives no household.", "Add \"household\" and \"route\", or leave the expectation out.");
    public static readonly DiagnosticDescriptor CaseExpectsRoutingWithoutVacancies = Error(DiagnosticCodes.InvalidValue, "The case expects '{0}', but routes no vacancies.", "Add \"vacancies\": [ … ] to the case.");
    public static readonly DiagnosticDescriptor CaseExpectsOfferWithoutOffer = Error(DiagnosticCodes.InvalidValue, "The case expects '{0}', but draws up no offer.", "Add \"offer\": {{ \"vacancy\": …, \"households\": [ … ] }} to the case.");
    public static readonly DiagnosticDescriptor CaseShareNotAFraction = Error(DiagnosticCodes.InvalidValue, "'{0}' is not an exact fraction.", "Write the share as the pack does: \"1/3\", \"11/50\" or \"0\".");
    public static readonly DiagnosticDescriptor CaseRoutesPerVacancy = Error(DiagnosticCodes.InvalidValue, "The case expects {1} route(s) but routes {0} vacancy(ies): one route per vacancy.", "Give one route per vacancy, in order.");
    public static readonly DiagnosticDescriptor CaseMarksPerVacancy = Error(DiagnosticCodes.InvalidValue, "The case expects marks for {1} vacancy(ies) but routes {0}: one list of marks per vacancy.", "Give one list of marks per vacancy, in order ([] for none).");

    // RR0105: names that point nowhere.
    public static readonly DiagnosticDescriptor TestsForAnotherPack = Error(DiagnosticCodes.UnresolvedReference, "These tests are written for pack '{0}', but they run on '{1}'.", "Write \"pack\": \"{1}\", or put the tests beside the pack they are for.");
    public static readonly DiagnosticDescriptor CaseNoSuchFixture = Error(DiagnosticCodes.UnresolvedReference, "There is no {0} named '{1}' in the file's '{0}s'.", "{2}");
    public static readonly DiagnosticDescriptor CaseNoSuchClause = Error(DiagnosticCodes.UnresolvedReference, "The pack '{0}' declares no clause '{1}'.", "{2}");
    public static readonly DiagnosticDescriptor CaseNoSuchTier = Error(DiagnosticCodes.UnresolvedReference, "The pack '{0}' has no tier '{1}'.", "{2}");
    public static readonly DiagnosticDescriptor CaseNoSuchCriterion = Error(DiagnosticCodes.UnresolvedReference, "The pack '{0}' has no criterion '{1}'.", "{2}");
    public static readonly DiagnosticDescriptor CaseNoSuchCriterionOrRequirement = Error(DiagnosticCodes.UnresolvedReference, "The pack '{0}' has no criterion or requirement '{1}'.", "{2}");
    public static readonly DiagnosticDescriptor CaseOfferNoSuchHousehold = Error(DiagnosticCodes.UnresolvedReference, "The offer has no household '{0}'.", "{1}");
    public static readonly DiagnosticDescriptor CaseNoSuchMember = Error(DiagnosticCodes.UnresolvedReference, "The case's household has no member '{0}'.", "{1}");

    // RR0106: names used twice.
    public static readonly DiagnosticDescriptor DuplicateCaseName = Error(DiagnosticCodes.DuplicateId, "Two cases are named '{0}'.", "Give every case a name of its own: it is how the report names it.");
    public static readonly DiagnosticDescriptor DuplicateOfferHousehold = Error(DiagnosticCodes.DuplicateId, "Two households of the offer have the id '{0}'.", "Give every household of an offer an id of its own.");
}
