using FsCheck;
using FsCheck.Fluent;
using RentalRules.Facts;
using RentalRules.Model;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Generates valid pack models: every section of the format, every optional property present or not, references that
/// resolve (clauses, tiers, criteria sets, share parameters), ids unique where the format wants them, texts with
/// quotes, backslashes, control characters, Danish letters and emoji. "Valid" is what the reader checks; conditions
/// are source text to the reader, so they are drawn from a small pool of texts with escapes in them.
/// </summary>
internal static class PackModelGenerators
{
    private static readonly Origin Nowhere = new(new SourceLocation("<generated>", "$", 1, 1));

    private static readonly string[] Conditions =
    [
        "department.keyFigures.outsideLabourMarketShare <= param.p0",
        "vacancy.category = 'family'",
        "not any(c in member.convictions: c.act in ['penalCode'] and within(c.date, 2 years))",
        "household.note = \"a \\\"quoted\\\" \\\\ text\"",
        "a\tcondition\nover two lines æøå 😀",
    ];

    /// <summary>The context a section's references draw on.</summary>
    private sealed record Ctx(string[] Clauses, (string Name, ParameterUnit Unit)[] Parameters, string[] Sets, string[] Tiers)
    {
        public string[] ShareParameters => Parameters.Where(p => p.Unit == ParameterUnit.Share).Select(p => p.Name).ToArray();
    }

    /// <summary>A valid pack model.</summary>
    public static Gen<PackDefinition> Pack =>
        from nClauses in Gen.Choose(1, 4)
        from units in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Gen.Elements(System.Enum.GetValues<ParameterUnit>()), n))
        from nSets in Gen.Choose(0, 3)
        from nTiers in Gen.Choose(1, 3)
        let ctx = new Ctx(
            [.. Enumerable.Range(0, nClauses).Select(i => i % 2 == 0 ? $"§ {i + 1}" : $"bilag {i} nr. \"{i}\"")],
            [.. units.Select((u, i) => ($"p{i}", u))],
            [.. Enumerable.Range(0, nSets).Select(i => $"set-{i}")],
            [.. Enumerable.Range(0, nTiers).Select(i => $"tier-{i}")])
        from meta in Metadata
        from clauses in Gen.ListOf(ClauseDef, nClauses)
        from parameters in Parameters(ctx)
        from sets in Sets(ctx, nSets)
        from tiers in Gen.ListOf(Tier(ctx), nTiers)
        from placement in Placement(ctx)
        from requirements in Gen.Choose(0, nSets == 0 ? 0 : 2).SelectMany(n => Gen.ListOf(Requirement(ctx, withRoute: true), n))
        from obligations in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Obligation(ctx), n))
        from routing in Optional(Routing(ctx))
        from offers in Optional(Offers(ctx))
        from interpretations in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Interpretation(ctx), n))
        select Relabel(new PackDefinition(
            meta,
            [.. clauses.Select((c, i) => c with { Id = ctx.Clauses[i] })],
            parameters,
            [.. tiers.Select((t, i) => t with { Id = ctx.Tiers[i] })],
            placement,
            [.. requirements],
            [.. obligations],
            sets,
            routing,
            offers,
            [.. interpretations],
            Nowhere));

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : class
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(x => (T?)x)));

    private static Gen<T?> OptionalValue<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(x => (T?)x)));

    private static Gen<bool> Bool => Gen.Elements(true, false);

    private static Gen<T> Enum<T>()
        where T : struct, System.Enum
        => Gen.Elements(System.Enum.GetValues<T>());

    /// <summary>Text that is not blank, without braces (a brace would make it a parameter placeholder).</summary>
    private static Gen<string> Text =>
        from first in Gen.Choose('a', 'z')
        from rest in Rest
        select (char)first + rest;

    private static Gen<string> Rest => Gen.Choose(0, 10).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (8, Gen.Choose('a', 'z').Select(i => ((char)i).ToString())),
                (2, Gen.Constant(" ")),
                (1, Gen.Elements("\"", "\\", "/", "\n", "\t", "\u0001", "æ", "ø", "Å", "§", "≤", "😀", "\u2028"))),
            n))
        .Select(string.Concat);

    private static Gen<string?> Note => Optional(Text);

    private static Gen<LocalizedText> Localized => from da in Text from en in Text select new LocalizedText(da, en);

    private static Gen<ConditionSource> Condition => Gen.Elements(Conditions).Select(t => new ConditionSource(t, Nowhere));

    private static Gen<Fraction> Fraction =>
        from den in Gen.Choose(1, 12)
        from num in Gen.Choose(0, den)
        select new Fraction(num, den);

    private static Gen<DateOnly> Date => Gen.Choose(0, 20000).Select(d => new DateOnly(2000, 1, 1).AddDays(d));

    private static Gen<string> Pick(string[] items) => Gen.Elements(items);

    private static Gen<ValueList<T>> SubList<T>(IEnumerable<T> items) => Gen.SubListOf(items.ToArray()).Select(l => l.ToValueList());

    private static Gen<PackMetadataDefinition> Metadata =>
        from id in Text
        from version in Text
        from title in Text
        from municipality in Optional(Text)
        from status in Enum<PackStatus>()
        from extends in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Text, n))
        from validFrom in OptionalValue(Date)
        from days in OptionalValue(Gen.Choose(0, 3000))
        from source in Optional(from d in Optional(Text) from t in Optional(Text) from dt in Optional(Text) from u in Optional(Text) select new SourceDefinition(d, t, dt, u))
        from notes in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Text, n))
        from defaultRoute in Enum<LettingRoute>()
        select new PackMetadataDefinition(id, version, title, municipality, status, [.. extends], validFrom, validFrom is { } f && days is { } n ? f.AddDays(n) : null, source, [.. notes], defaultRoute);

    private static Gen<ClauseDefinition> ClauseDef =>
        from title in Optional(Text)
        from quote in Optional(Text)
        from note in Note
        select new ClauseDefinition("", title, quote, note, Nowhere);

    private static Gen<ValueList<ParameterDefinition>> Parameters(Ctx ctx)
        => Sequence(ctx.Parameters.Select(p => Parameter(ctx, p.Name, p.Unit)));

    private static Gen<ValueList<T>> Sequence<T>(IEnumerable<Gen<T>> gens)
        => gens.Aggregate(Gen.Constant(ValueList<T>.Empty), (acc, g) => from list in acc from x in g select new ValueList<T>(list.Append(x)));

    private static Gen<ParameterDefinition> Parameter(Ctx ctx, string name, ParameterUnit unit) =>
        from title in Optional(Localized)
        from clause in Optional(Pick(ctx.Clauses))
        from note in Note
        from assumed in Bool
        from n in Gen.Choose(0, 3)
        from values in Gen.ListOf(
            from day in Gen.Choose(0, 30)
            from value in unit == ParameterUnit.Share ? Gen.Choose(0, 100).Select(k => k / 100m) : Gen.Choose(-1_000_000, 1_000_000).Select(k => k / 100m)
            from vnote in Note
            select (day, value, vnote),
            n)
        select new ParameterDefinition(name, unit, title, clause, note, assumed, [.. values.Select((v, i) => new ParameterValueDefinition(new DateOnly(2020, 1, 1).AddDays((i * 40) + v.day), v.value, v.vnote))], Nowhere);

    private static Gen<ValueList<CriteriaSetDefinition>> Sets(Ctx ctx, int n)
        => n == 0 ? Gen.Constant(ValueList<CriteriaSetDefinition>.Empty)
            : from earlier in Sets(ctx, n - 1) from set in Set(ctx, n - 1) select new ValueList<CriteriaSetDefinition>(earlier.Append(set));

    private static Gen<CriteriaSetDefinition> Set(Ctx ctx, int index) =>
        from title in Localized
        from clause in Pick(ctx.Clauses)
        from combine in Enum<Combine>()
        from criteria in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Criterion(ctx, ctx.Sets[..index], 2), n))
        from documents in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Localized, n))
        from note in Note
        select new CriteriaSetDefinition(ctx.Sets[index], title, clause, combine, [.. criteria], [.. documents], note, Nowhere);

    private static Gen<CriterionDefinition> Criterion(Ctx ctx, string[] earlierSets, int depth)
    {
        var leaf =
            from clause in Pick(ctx.Clauses)
            from title in Localized
            from documents in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Localized, n))
            from assumption in Optional(Localized)
            from note in Note
            from members in Optional(from min in OptionalValue(Gen.Choose(0, 40)) from span in OptionalValue(Gen.Choose(0, 60)) select new MemberBandDefinition(min, min is { } m && span is { } s ? m + s : span))
            from condition in Condition
            select (CriterionDefinition)new ConditionCriterionDefinition("", clause, title, [.. documents], assumption, note, Nowhere, members, condition);
        var options = new List<(int, Gen<CriterionDefinition>)> { (3, leaf) };
        if (earlierSets.Length > 0)
        {
            options.Add((1,
                from clause in Pick(ctx.Clauses)
                from title in Localized
                from note in Note
                from set in Pick(earlierSets)
                select (CriterionDefinition)new SetCriterionDefinition("", clause, title, [], null, note, Nowhere, set)));
        }

        if (depth > 0)
        {
            options.Add((1,
                from clause in Pick(ctx.Clauses)
                from title in Localized
                from documents in Gen.Choose(0, 1).SelectMany(n => Gen.ListOf(Localized, n))
                from combine in Enum<Combine>()
                from children in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Criterion(ctx, earlierSets, depth - 1), n))
                select (CriterionDefinition)new GroupCriterionDefinition("", clause, title, [.. documents], null, null, Nowhere, combine, [.. children])));
        }

        return Gen.Frequency(options.ToArray());
    }

    private static Gen<ShareDefinition> Share(Ctx ctx)
        => ctx.ShareParameters.Length == 0
            ? Fraction.Select(f => new ShareDefinition(f, null))
            : Gen.Frequency((3, Fraction.Select(f => new ShareDefinition(f, null))), (1, Pick(ctx.ShareParameters).Select(p => new ShareDefinition(null, p))));

    private static Gen<FlexibleLettingDefinition> Flexible(Ctx ctx, bool withOf) =>
        from rule in Enum<FlexibleRule>()
        from max in OptionalValue(Fraction)
        from of in withOf ? Enum<FlexibleShareOf>() : Gen.Constant(FlexibleShareOf.NonMunicipal)
        from clause in Optional(Pick(ctx.Clauses))
        from note in Note
        select new FlexibleLettingDefinition(rule, max, of, clause, note);

    private static Gen<RequirementDefinition> Requirement(Ctx ctx, bool withRoute) =>
        from route in withRoute ? Enum<LettingRoute>().Select(r => (LettingRoute?)r) : Gen.Constant<LettingRoute?>(null)
        from set in Pick(ctx.Sets.Length == 0 ? [""] : ctx.Sets)
        from when in Optional(Condition)
        from clause in Pick(ctx.Clauses)
        from reason in Localized
        from note in Note
        select new RequirementDefinition("", route, set, when, clause, reason, note, Nowhere);

    private static Gen<RouteDefinition> Route(Ctx ctx, LettingRoute route) =>
        Gen.Frequency(
            (1,
                from clause in Pick(ctx.Clauses)
                from reason in Localized
                select new RouteDefinition(route, true, clause, reason, [])),
            (2,
                from clause in Optional(Pick(ctx.Clauses))
                from reason in Optional(Localized)
                from requirements in ctx.Sets.Length == 0 ? Gen.Constant(new List<RequirementDefinition>()) : Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Requirement(ctx, withRoute: false), n))
                select new RouteDefinition(route, false, clause, reason, [.. requirements])));

    private static Gen<ValueList<RouteDefinition>> Routes(Ctx ctx, bool all) =>
        from stated in all
            ? Bool.Select(transfer => System.Enum.GetValues<LettingRoute>().Where(r => transfer || r != LettingRoute.InternalTransfer).ToArray())
            : Gen.SubListOf(System.Enum.GetValues<LettingRoute>()).Select(l => l.ToArray())
        from routes in Sequence(stated.Select(r => Route(ctx, r)))
        select routes;

    private static Gen<TierDefinition> Tier(Ctx ctx) =>
        from label in Localized
        from clause in Pick(ctx.Clauses)
        from share in Share(ctx)
        from flexible in Optional(Flexible(ctx, withOf: true))
        from special in ctx.Sets.Length == 0 ? Gen.Constant<SpecialCriteriaDefinition?>(null) : Optional(
            from s in Fraction
            from set in Pick(ctx.Sets)
            from counters in Optional(Gen.Choose(1, 2).SelectMany(n => Gen.ListOf(Text, n)).Select(l => l.ToValueList()))
            from c in Pick(ctx.Clauses)
            from note in Note
            select new SpecialCriteriaDefinition(s, set, counters, c, note))
        from routes in Routes(ctx, all: true)
        from note in Note
        select new TierDefinition("", label, clause, share, flexible, special, routes, note, Nowhere);

    private static Gen<PlacementDefinition> Placement(Ctx ctx) =>
        from hit in Enum<HitPolicy>()
        from decided in Optional(
            from precedence in Enum<DecidedPrecedence>()
            from when in Optional(Condition)
            from clause in Pick(ctx.Clauses)
            from reason in Localized
            from note in Note
            select new DecidedDefinition(precedence, when, clause, reason, note))
        from keyFigures in Optional(from months in Gen.Choose(1, 36) from clause in Pick(ctx.Clauses) from note in Note select new KeyFiguresDefinition(months, clause, note))
        from rules in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(
            from clause in Pick(ctx.Clauses)
            from when in Condition
            from tier in Pick(ctx.Tiers)
            from reason in Localized
            from note in Note
            select new PlacementRuleDefinition("", clause, when, tier, reason, note, Nowhere),
            n))
        from note in Note
        select new PlacementDefinition(hit, decided, keyFigures, [.. rules], note);

    private static Gen<RoutingRuleDefinition> RoutingRule(Ctx ctx) =>
        from clause in Pick(ctx.Clauses)
        from when in Condition
        from counted in Bool
        from route in Gen.Elements(System.Enum.GetValues<VacancyRoute>().Where(r => r != VacancyRoute.Undetermined).ToArray())
        from counter in Text
        from share in Gen.Frequency(
            (1, Gen.Constant(new RoutingShareDefinition(true, null, null))),
            (2, Share(ctx).Select(s => new RoutingShareDefinition(false, s, null))),
            (1, SubList(ctx.Tiers).SelectMany(tiers => Sequence(tiers.Select(t => Fraction.Select(f => new PerTier<Fraction>(t, f))))).Select(p => new RoutingShareDefinition(false, null, p))))
        from letting in Optional(
            from tiers in Optional(SubList(ctx.Tiers))
            from flexible in Optional(Flexible(ctx, withOf: false))
            from routes in flexible is null ? Routes(ctx, all: false).Where(r => r.Count > 0).Select(r => (ValueList<RouteDefinition>?)r) : Optional(Routes(ctx, all: false))
            from note in Note
            select new LettingDefinition(tiers, flexible, routes, note))
        from legalBasis in Optional(Gen.Frequency(
            (2, Gen.Elements(RentalRules.Packs.LegalBasisSpec.Allowed).Select(b => new LegalBasisDefinition(b, null))),
            (1, SubList(ctx.Tiers).SelectMany(tiers => Sequence(tiers.Select(t => Gen.Elements(RentalRules.Packs.LegalBasisSpec.Allowed).Select(b => new PerTier<string>(t, b))))).Select(p => new LegalBasisDefinition(null, p)))))
        from reason in Localized
        from note in Note
        select new RoutingRuleDefinition("", clause, when, counted ? null : route, counted ? counter : null, counted ? share : null, letting, legalBasis, reason, note, Nowhere);

    private static Gen<GuardLimitDefinition> Limit(Ctx ctx) =>
        from parameter in ctx.Parameters.Length == 0 ? Gen.Constant<string?>(null) : Optional(Pick([.. ctx.Parameters.Select(p => p.Name)]))
        from max in Gen.Choose(0, 50)
        from months in Gen.Choose(1, 36)
        from note in Note
        select new GuardLimitDefinition(parameter is null ? max : null, parameter, months, note);

    private static Gen<RoutingDefinition> Routing(Ctx ctx) =>
        from tierChange in Optional(from counters in Enum<TierChangeCounters>() from clause in Pick(ctx.Clauses) from reason in Localized from note in Note select new TierChangeDefinition(counters, clause, reason, note))
        from rules in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(RoutingRule(ctx), n))
        from concentration in Optional(
            from clause in Pick(ctx.Clauses)
            from reason in Localized
            from department in Optional(Limit(ctx))
            from stairwell in department is null ? Limit(ctx).Select(l => (GuardLimitDefinition?)l) : Optional(Limit(ctx))
            from note in Note
            select new ConcentrationDefinition(clause, reason, department, stairwell, note))
        from marks in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(
            from clause in Pick(ctx.Clauses)
            from when in Condition
            from label in Localized
            from share in Optional(Gen.Elements("department.lowRentShare", "0.25 * \"x\"").Select(t => new ConditionSource(t, Nowhere)))
            from note in Note
            select new MarkDefinition("", clause, when, label, share, note, Nowhere),
            n))
        from note in Note
        select new RoutingDefinition(tierChange, [.. rules], concentration, [.. marks], note);

    private static Gen<ObligationDefinition> Obligation(Ctx ctx) =>
        from clause in Pick(ctx.Clauses)
        from when in Condition
        from dwellings in SubList(System.Enum.GetValues<DwellingCategory>())
        from criteria in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(
            from reads in Gen.Choose(1, 2).SelectMany(k => Gen.ListOf(Text, k))
            from title in Localized
            select new ObligationCriterionDefinition("", [.. reads], title),
            n))
        from reason in Localized
        from acknowledged in Optional(from c in Pick(ctx.Clauses) from r in Localized select new AcknowledgementDefinition(c, r))
        from note in Note
        select new ObligationDefinition("", clause, when, dwellings, true, [.. criteria.Select((c, i) => c with { Id = $"oc-{i}" })], reason, acknowledged, note, Nowhere);

    private static Gen<OfferRouteDefinition> OfferRoute(Ctx ctx, LettingRoute route) =>
        from clause in Pick(ctx.Clauses)
        from source in Enum<OfferSource>()
        from keys in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(
            Gen.Elements(OrderKeys(ctx, source)).SelectMany(orderBy =>
                    from rank in orderBy == OrderBy.Criterion ? Gen.Choose(1, 2).SelectMany(k => Gen.ListOf(Pick(ctx.Sets), k)).Select(l => l.ToValueList()) : Gen.Constant(ValueList<string>.Empty)
                    from note in Note
                    select new OrderKeyDefinition(orderBy, rank, note)),
            n))
        from reason in Localized
        from note in Note
        select new OfferRouteDefinition(route, clause, source, [.. keys], reason, note);

    private static OrderBy[] OrderKeys(Ctx ctx, OfferSource from)
        => [OrderBy.WaitingListSince, .. from == OfferSource.Candidates ? [OrderBy.Candidates] : Array.Empty<OrderBy>(), .. ctx.Sets.Length > 0 ? [OrderBy.Criterion] : Array.Empty<OrderBy>()];

    private static Gen<OffersDefinition> Offers(Ctx ctx) =>
        from routes in Gen.SubListOf(new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList })
        from definitions in Sequence(routes.Select(r => OfferRoute(ctx, r)))
        from note in Note
        select new OffersDefinition(definitions, note);

    private static Gen<InterpretationDefinition> Interpretation(Ctx ctx) =>
        from rule in Text
        from clause in Pick(ctx.Clauses)
        from reading in Text
        from alternative in Text
        from draft in Optional(Text)
        select new InterpretationDefinition("", rule, clause, reading, alternative, draft, Nowhere, Nowhere);

    /// <summary>Gives every id-keyed item of the pack a unique id (criteria and requirements are unique across the pack).</summary>
    private static PackDefinition Relabel(PackDefinition pack)
    {
        var requirement = 0;
        var criterion = 0;
        RequirementDefinition Req(RequirementDefinition r) => r with { Id = $"req-{requirement++}" };
        ValueList<RouteDefinition> Routes(ValueList<RouteDefinition> routes) => [.. routes.Select(r => r with { Requirements = [.. r.Requirements.Select(Req)] })];
        CriterionDefinition Crit(CriterionDefinition c) => c switch
        {
            GroupCriterionDefinition g => g with { Id = $"crit-{criterion++}", Children = [.. g.Children.Select(Crit)] },
            _ => c with { Id = $"crit-{criterion++}" },
        };

        return pack with
        {
            CriteriaSets = [.. pack.CriteriaSets.Select(s => s with { Criteria = [.. s.Criteria.Select(Crit)] })],
            Tiers = [.. pack.Tiers.Select(t => t with { Routes = Routes(t.Routes) })],
            Placement = pack.Placement with { Rules = [.. pack.Placement.Rules.Select((r, i) => r with { Id = $"place-{i}" })] },
            Requirements = [.. pack.Requirements.Select(Req)],
            Obligations = [.. pack.Obligations.Select((o, i) => o with { Id = $"obligation-{i}" })],
            Routing = pack.Routing is { } routing
                ? routing with
                {
                    Rules = [.. routing.Rules.Select((r, i) => r with { Id = $"route-{i}", Letting = r.Letting is { Routes: { } lr } l ? l with { Routes = Routes(lr) } : r.Letting })],
                    Marks = [.. routing.Marks.Select((m, i) => m with { Id = $"mark-{i}" })],
                }
                : null,
            Interpretations = [.. pack.Interpretations.Select((x, i) => x with { Id = $"reading-{i}" })],
        };
    }
}
