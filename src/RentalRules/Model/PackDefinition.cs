using RentalRules.Facts;

namespace RentalRules.Model;

// The uncompiled pack model: a (composed) pack as read from its JSON, one record per section of docs/pack-format.md.
// Conditions are source text; names are as written (the compile step resolves them); words the format spells are
// enums. Records compare structurally (lists by item, origins never), so a pack written and read again equals itself.
// A model read with errors is best effort (a missing string is empty) and is never compiled into a pack.

/// <summary>A condition (or a number expression) as written, with where it was written.</summary>
internal sealed record ConditionSource(string Text, Origin Origin);

/// <summary>A whole pack.</summary>
internal sealed record PackDefinition(
    PackMetadataDefinition Metadata,
    ValueList<ClauseDefinition> Clauses,
    ValueList<ParameterDefinition> Parameters,
    ValueList<TierDefinition> Tiers,
    PlacementDefinition Placement,
    ValueList<RequirementDefinition> Requirements,
    ValueList<ObligationDefinition> Obligations,
    ValueList<CriteriaSetDefinition> CriteriaSets,
    RoutingDefinition? Routing,
    OffersDefinition? Offers,
    ValueList<InterpretationDefinition> Interpretations,
    Origin Origin);

/// <summary>The pack's <c>source</c>: the document it encodes.</summary>
internal sealed record SourceDefinition(string? Document, string? Title, string? Date, string? Url);

/// <summary>Id, version, title, status, validity, source, extends, notes and the default route.</summary>
internal sealed record PackMetadataDefinition(
    string Id,
    string Version,
    string Title,
    string? Municipality,
    PackStatus Status,
    ValueList<string> Extends,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    SourceDefinition? Source,
    ValueList<string> Notes,
    LettingRoute DefaultRoute);

/// <summary>A clause rules cite (<c>clauses."§ 6"</c>).</summary>
internal sealed record ClauseDefinition(string Id, string? Title, string? Quote, string? Note, Origin Origin);

/// <summary>One value of a parameter, in force from a date.</summary>
internal sealed record ParameterValueDefinition(DateOnly From, decimal Value, string? Note);

/// <summary>A named value with its unit and its values by date.</summary>
internal sealed record ParameterDefinition(string Name, ParameterUnit Unit, LocalizedText? Title, string? Clause, string? Note, bool Assumed, ValueList<ParameterValueDefinition> Values, Origin Origin);

/// <summary>A share: an exact fraction, or a parameter with unit <c>share</c> (<c>"param.NAME"</c>).</summary>
internal sealed record ShareDefinition(Fraction? Fraction, string? Parameter)
{
    public override string ToString() => Parameter is not null ? "param." + Parameter : Fraction?.ToString() ?? "";
}

/// <summary>A tier's or a dwelling's flexible letting.</summary>
internal sealed record FlexibleLettingDefinition(FlexibleRule Rule, Fraction? MaxShare, FlexibleShareOf Of, string? Clause, string? Note);

/// <summary>Every n-th municipal allocation under a criteria set.</summary>
internal sealed record SpecialCriteriaDefinition(Fraction? Share, string CriteriaSet, ValueList<string>? Counters, string Clause, string? Note);

/// <summary>A requirement on a route: a tier's (no <see cref="Route"/>) or a pack-wide one.</summary>
internal sealed record RequirementDefinition(string Id, LettingRoute? Route, string CriteriaSet, ConditionSource? When, string Clause, LocalizedText Reason, string? Note, Origin Origin);

/// <summary>A route of a tier (or of a dwelling's letting): closed with a reason, or open under requirements.</summary>
internal sealed record RouteDefinition(LettingRoute Route, bool Closed, string? Clause, LocalizedText? Reason, ValueList<RequirementDefinition> Requirements);

/// <summary>A tier and its letting policy.</summary>
internal sealed record TierDefinition(
    string Id,
    LocalizedText Label,
    string Clause,
    ShareDefinition MunicipalShare,
    FlexibleLettingDefinition? FlexibleLetting,
    SpecialCriteriaDefinition? SpecialCriteria,
    ValueList<RouteDefinition> Routes,
    string? Note,
    Origin Origin);

/// <summary>Where a tier the parties decided rules (<c>placement.decided</c>).</summary>
internal sealed record DecidedDefinition(DecidedPrecedence Precedence, ConditionSource? When, string Clause, LocalizedText Reason, string? Note);

/// <summary>How old key figures may be (<c>placement.keyFigures</c>).</summary>
internal sealed record KeyFiguresDefinition(int MaxAgeMonths, string Clause, string? Note);

/// <summary>A row of the placement table.</summary>
internal sealed record PlacementRuleDefinition(string Id, string Clause, ConditionSource? When, string Tier, LocalizedText Reason, string? Note, Origin Origin);

/// <summary>The placement table.</summary>
internal sealed record PlacementDefinition(HitPolicy HitPolicy, DecidedDefinition? Decided, KeyFiguresDefinition? KeyFigures, ValueList<PlacementRuleDefinition> Rules, string? Note);

/// <summary>A criteria set.</summary>
internal sealed record CriteriaSetDefinition(string Id, LocalizedText Title, string Clause, Combine Combine, ValueList<CriterionDefinition> Criteria, ValueList<LocalizedText> Documents, string? Note, Origin Origin);

/// <summary>The age band a member criterion applies to.</summary>
internal sealed record MemberBandDefinition(int? MinAge, int? MaxAge);

/// <summary>A criterion: a condition, a group, or a reference to a criteria set.</summary>
internal abstract record CriterionDefinition(string Id, string Clause, LocalizedText Title, ValueList<LocalizedText> Documents, LocalizedText? Assumption, string? Note, Origin Origin);

/// <summary>A criterion that is a condition, for the household or for every member in an age band.</summary>
internal sealed record ConditionCriterionDefinition(string Id, string Clause, LocalizedText Title, ValueList<LocalizedText> Documents, LocalizedText? Assumption, string? Note, Origin Origin, MemberBandDefinition? Members, ConditionSource Condition)
    : CriterionDefinition(Id, Clause, Title, Documents, Assumption, Note, Origin);

/// <summary>A group of criteria (<c>all</c> or <c>any</c>).</summary>
internal sealed record GroupCriterionDefinition(string Id, string Clause, LocalizedText Title, ValueList<LocalizedText> Documents, LocalizedText? Assumption, string? Note, Origin Origin, Combine Combine, ValueList<CriterionDefinition> Children)
    : CriterionDefinition(Id, Clause, Title, Documents, Assumption, Note, Origin);

/// <summary>A criterion that is another criteria set.</summary>
internal sealed record SetCriterionDefinition(string Id, string Clause, LocalizedText Title, ValueList<LocalizedText> Documents, LocalizedText? Assumption, string? Note, Origin Origin, string CriteriaSet)
    : CriterionDefinition(Id, Clause, Title, Documents, Assumption, Note, Origin);

/// <summary>What happens to counters when a department's tier changes.</summary>
internal sealed record TierChangeDefinition(TierChangeCounters Counters, string Clause, LocalizedText Reason, string? Note);

/// <summary>A value for one tier (a share or a legal basis per tier).</summary>
internal sealed record PerTier<T>(string Tier, T Value);

/// <summary>The share a routing rule counts with: a fraction, a parameter, the tier's (<c>"tier"</c>) or one per tier.</summary>
internal sealed record RoutingShareDefinition(bool FromTier, ShareDefinition? Fixed, ValueList<PerTier<Fraction>>? PerTier);

/// <summary>The legal basis of a routing rule's municipal allocations: one, or one per tier.</summary>
internal sealed record LegalBasisDefinition(string? Fixed, ValueList<PerTier<string>>? PerTier);

/// <summary>How the dwellings a routing rule covers are let, where it differs from the tier.</summary>
internal sealed record LettingDefinition(ValueList<string>? Tiers, FlexibleLettingDefinition? FlexibleLetting, ValueList<RouteDefinition>? Routes, string? Note);

/// <summary>A routing rule: a fixed route, or a counter with a share.</summary>
internal sealed record RoutingRuleDefinition(
    string Id,
    string Clause,
    ConditionSource? When,
    VacancyRoute? Route,
    string? Counter,
    RoutingShareDefinition? Share,
    LettingDefinition? Letting,
    LegalBasisDefinition? LegalBasis,
    LocalizedText Reason,
    string? Note,
    Origin Origin);

/// <summary>A limit of the concentration guard.</summary>
internal sealed record GuardLimitDefinition(decimal? Max, string? MaxParameter, int Months, string? Note);

/// <summary>The concentration guard.</summary>
internal sealed record ConcentrationDefinition(string Clause, LocalizedText Reason, GuardLimitDefinition? Department, GuardLimitDefinition? Stairwell, string? Note);

/// <summary>A mark routing puts on vacancies.</summary>
internal sealed record MarkDefinition(string Id, string Clause, ConditionSource? When, LocalizedText Label, ConditionSource? ForecastShare, string? Note, Origin Origin);

/// <summary>The routing section.</summary>
internal sealed record RoutingDefinition(TierChangeDefinition? OnTierChange, ValueList<RoutingRuleDefinition> Rules, ConcentrationDefinition? Concentration, ValueList<MarkDefinition> Marks, string? Note);

/// <summary>A criterion of an obligation: the facts an agreement's criterion must read to count as it.</summary>
internal sealed record ObligationCriterionDefinition(string Id, ValueList<string> Reads, LocalizedText Title);

/// <summary>An agreement's acknowledgement of an obligation it does not meet.</summary>
internal sealed record AcknowledgementDefinition(string Clause, LocalizedText Reason);

/// <summary>A statutory obligation on agreements built on the pack.</summary>
internal sealed record ObligationDefinition(
    string Id,
    string Clause,
    ConditionSource? When,
    ValueList<DwellingCategory> Dwellings,
    bool AllFlexible,
    ValueList<ObligationCriterionDefinition> Criteria,
    LocalizedText Reason,
    AcknowledgementDefinition? Acknowledged,
    string? Note,
    Origin Origin);

/// <summary>A key of an offer order.</summary>
internal sealed record OrderKeyDefinition(OrderBy By, ValueList<string> Rank, string? Note);

/// <summary>Whom a route's offer list draws from, and in which order.</summary>
internal sealed record OfferRouteDefinition(LettingRoute Route, string Clause, OfferSource From, ValueList<OrderKeyDefinition> Order, LocalizedText Reason, string? Note);

/// <summary>The offers section.</summary>
internal sealed record OffersDefinition(ValueList<OfferRouteDefinition> Routes, string? Note);

/// <summary>A reading the pack makes where the agreement's text is open.</summary>
internal sealed record InterpretationDefinition(string Id, string Rule, string Clause, string Reading, string Alternative, string? Draft, Origin Origin, Origin RuleOrigin);

/// <summary>What a tier change does to the counters (<c>routing.onTierChange.counters</c>).</summary>
internal enum TierChangeCounters
{
    /// <summary>The sum of shares due carries on under the new share.</summary>
    Carry,

    /// <summary>The count goes on and ⌊k·p⌋ is taken with the new share.</summary>
    Keep,
}

/// <summary>Whether a decided tier or the key figures place a department (<c>placement.decided.precedence</c>).</summary>
internal enum DecidedPrecedence
{
    /// <summary>The decided tier places the department.</summary>
    Decided,

    /// <summary>The table places it; a decided tier that differs is a warning.</summary>
    KeyFigures,
}

/// <summary>What a flexible-letting share is a share of (<c>flexibleLetting.of</c>).</summary>
internal enum FlexibleShareOf
{
    /// <summary>Of the vacancies left after municipal allocation.</summary>
    NonMunicipal,

    /// <summary>Of all the department's vacancies.</summary>
    AllVacancies,
}

/// <summary>How criteria combine (<c>combine</c>, or a group's <c>all</c> / <c>any</c>).</summary>
internal enum Combine
{
    /// <summary>Every criterion must hold.</summary>
    All,

    /// <summary>One is enough.</summary>
    Any,
}
