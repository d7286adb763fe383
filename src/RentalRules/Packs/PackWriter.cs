using System.Globalization;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>
/// Writes a <see cref="PackDefinition"/> as pack JSON in the format of docs/pack-format.md: sections in the order the
/// format lists them, the properties of each item in a fixed order, optional properties only where they are set, texts
/// as <c>{ "da", "en" }</c>, fractions as exact fraction strings, dates as ISO dates and numbers as their exact decimal.
/// <see cref="PackReader"/> reads the text back into an equal definition (locations aside). Stateless and thread-safe.
/// </summary>
internal static class PackWriter
{
    private static readonly SourceLocation Written = new("<written>", "$", 1, 1);

    /// <summary>Writes a pack as indented JSON text.</summary>
    public static string Write(PackDefinition pack) => JNodeWriter.Write(ToJson(pack));

    /// <summary>The pack as a JSON tree.</summary>
    public static JNode ToJson(PackDefinition pack)
    {
        var m = pack.Metadata;
        var o = new Obj()
            .Add("id", m.Id)
            .Add("version", m.Version)
            .Add("title", m.Title)
            .Add("municipality", m.Municipality)
            .Add("status", PackNames.Name(m.Status))
            .AddIf(m.Extends.Count > 0, "extends", () => Strings(m.Extends))
            .Add("validFrom", Date(m.ValidFrom))
            .Add("validTo", Date(m.ValidTo))
            .AddIf(m.Source is not null, "source", () => new Obj().Add("document", m.Source!.Document).Add("title", m.Source.Title).Add("date", m.Source.Date).Add("url", m.Source.Url).Node)
            .AddIf(m.Notes.Count > 0, "notes", () => Strings(m.Notes))
            .AddIf(m.DefaultRoute != LettingRoute.Flexible, "defaultRoute", () => Str(RouteNames.Name(m.DefaultRoute)))
            .AddIf(pack.Interpretations.Count > 0, "interpretations", () => Arr(pack.Interpretations.Select(Interpretation)))
            .Add("clauses", Named(pack.Clauses.Select(c => (c.Id, new Obj().Add("title", c.Title).Add("quote", c.Quote).Add("note", c.Note).Node))))
            .AddIf(pack.Parameters.Count > 0, "parameters", () => Named(pack.Parameters.Select(p => (p.Name, Parameter(p)))))
            .Add("tiers", Named(pack.Tiers.Select(t => (t.Id, Tier(t)))))
            .Add("placement", Placement(pack.Placement))
            .AddIf(pack.Requirements.Count > 0, "requirements", () => Arr(pack.Requirements.Select(Requirement)))
            .AddIf(pack.Obligations.Count > 0, "obligations", () => Arr(pack.Obligations.Select(Obligation)))
            .AddIf(pack.CriteriaSets.Count > 0, "criteriaSets", () => Named(pack.CriteriaSets.Select(s => (s.Id, CriteriaSet(s)))))
            .AddIf(pack.Routing is not null, "routing", () => Routing(pack.Routing!))
            .AddIf(pack.Offers is not null, "offers", () => Offers(pack.Offers!));
        return o.Node;
    }

    private static JNode Interpretation(InterpretationDefinition i)
        => new Obj().Add("id", i.Id).Add("rule", i.Rule).Add("clause", i.Clause).Add("reading", i.Reading).Add("alternative", i.Alternative).Add("draft", i.Draft).Node;

    private static JNode Parameter(ParameterDefinition p)
        => new Obj()
            .AddIf(p.Title is not null, "title", () => Text(p.Title!))
            .Add("unit", PackNames.Name(p.Unit))
            .Add("clause", p.Clause)
            .AddIf(p.Assumed, "assumed", () => new JNode(JKind.True, Written))
            .Add("note", p.Note)
            .Add("values", Arr(p.Values.Select(v => new Obj().Add("from", Date(v.From)).Add("value", Number(v.Value)).Add("note", v.Note).Node)))
            .Node;

    private static JNode Tier(TierDefinition t)
        => new Obj()
            .Add("label", Text(t.Label))
            .Add("clause", t.Clause)
            .Add("municipalShare", Share(t.MunicipalShare))
            .AddIf(t.FlexibleLetting is not null, "flexibleLetting", () => Flexible(t.FlexibleLetting!))
            .AddIf(t.SpecialCriteria is not null, "specialCriteria", () => new Obj()
                .Add("share", t.SpecialCriteria!.Share?.ToString())
                .Add("criteriaSet", t.SpecialCriteria.CriteriaSet)
                .AddIf(t.SpecialCriteria.Counters is not null, "counters", () => Strings(t.SpecialCriteria.Counters!))
                .Add("clause", t.SpecialCriteria.Clause)
                .Add("note", t.SpecialCriteria.Note)
                .Node)
            .Add("routes", Routes(t.Routes))
            .Add("note", t.Note)
            .Node;

    private static JNode Flexible(FlexibleLettingDefinition f)
        => new Obj()
            .Add("rule", PackNames.Name(f.Rule))
            .Add("maxShare", f.MaxShare?.ToString())
            .AddIf(f.Of != FlexibleShareOf.NonMunicipal, "of", () => Str(PackNames.Name(f.Of)))
            .Add("clause", f.Clause)
            .Add("note", f.Note)
            .Node;

    private static JNode Routes(IEnumerable<RouteDefinition> routes)
        => Named(routes.Select(r => (RouteNames.Name(r.Route), new Obj()
            .AddIf(r.Closed, "closed", () => new JNode(JKind.True, Written))
            .Add("clause", r.Clause)
            .AddIf(r.Reason is not null, "reason", () => Text(r.Reason!))
            .AddIf(r.Requirements.Count > 0, "requirements", () => Arr(r.Requirements.Select(Requirement)))
            .Node)));

    private static JNode Requirement(RequirementDefinition r)
        => new Obj()
            .Add("id", r.Id)
            .AddIf(r.Route is not null, "route", () => Str(RouteNames.Name(r.Route!.Value)))
            .Add("criteriaSet", r.CriteriaSet)
            .Add("when", r.When?.Text)
            .Add("clause", r.Clause)
            .Add("reason", Text(r.Reason))
            .Add("note", r.Note)
            .Node;

    private static JNode Placement(PlacementDefinition p)
        => new Obj()
            .Add("hitPolicy", PackNames.Name(p.HitPolicy))
            .AddIf(p.Decided is not null, "decided", () => new Obj()
                .Add("precedence", PackNames.Name(p.Decided!.Precedence))
                .Add("when", p.Decided.When?.Text)
                .Add("clause", p.Decided.Clause)
                .Add("reason", Text(p.Decided.Reason))
                .Add("note", p.Decided.Note)
                .Node)
            .AddIf(p.KeyFigures is not null, "keyFigures", () => new Obj().Add("maxAgeMonths", Number(p.KeyFigures!.MaxAgeMonths)).Add("clause", p.KeyFigures.Clause).Add("note", p.KeyFigures.Note).Node)
            .Add("rules", Arr(p.Rules.Select(r => new Obj()
                .Add("id", r.Id)
                .Add("clause", r.Clause)
                .Add("when", r.When?.Text)
                .Add("tier", r.Tier)
                .Add("reason", Text(r.Reason))
                .Add("note", r.Note)
                .Node)))
            .Add("note", p.Note)
            .Node;

    private static JNode Obligation(ObligationDefinition o)
        => new Obj()
            .Add("id", o.Id)
            .Add("clause", o.Clause)
            .Add("when", o.When?.Text)
            .Add("dwellings", Strings(o.Dwellings.Select(PackNames.Name)))
            .AddIf(o.AllFlexible, "flexibleLetting", () => Str("all"))
            .AddIf(o.Criteria.Count > 0, "criteria", () => Arr(o.Criteria.Select(c => new Obj().Add("id", c.Id).Add("reads", Strings(c.Reads)).Add("title", Text(c.Title)).Node)))
            .Add("reason", Text(o.Reason))
            .AddIf(o.Acknowledged is not null, "acknowledged", () => new Obj().Add("clause", o.Acknowledged!.Clause).Add("reason", Text(o.Acknowledged.Reason)).Node)
            .Add("note", o.Note)
            .Node;

    private static JNode CriteriaSet(CriteriaSetDefinition s)
        => new Obj()
            .Add("title", Text(s.Title))
            .Add("clause", s.Clause)
            .Add("combine", PackNames.Name(s.Combine))
            .AddIf(s.Documents.Count > 0, "documents", () => Arr(s.Documents.Select(Text)))
            .Add("criteria", Arr(s.Criteria.Select(Criterion)))
            .Add("note", s.Note)
            .Node;

    private static JNode Criterion(CriterionDefinition c)
    {
        var o = new Obj().Add("id", c.Id).Add("clause", c.Clause).Add("title", Text(c.Title));
        switch (c)
        {
            case ConditionCriterionDefinition leaf:
                o.AddIf(leaf.Members is not null, "members", () => new Obj().Add("minAge", Number(leaf.Members!.MinAge)).Add("maxAge", Number(leaf.Members.MaxAge)).Node)
                    .Add("condition", leaf.Condition.Text);
                break;
            case GroupCriterionDefinition group:
                o.Add(PackNames.Name(group.Combine), Arr(group.Children.Select(Criterion)));
                break;
            case SetCriterionDefinition set:
                o.Add("criteriaSet", set.CriteriaSet);
                break;
        }

        return o.AddIf(c.Documents.Count > 0, "documents", () => Arr(c.Documents.Select(Text)))
            .AddIf(c.Assumption is not null, "assumption", () => Text(c.Assumption!))
            .Add("note", c.Note)
            .Node;
    }

    private static JNode Routing(RoutingDefinition r)
        => new Obj()
            .AddIf(r.OnTierChange is not null, "onTierChange", () => new Obj()
                .Add("counters", PackNames.Name(r.OnTierChange!.Counters))
                .Add("clause", r.OnTierChange.Clause)
                .Add("reason", Text(r.OnTierChange.Reason))
                .Add("note", r.OnTierChange.Note)
                .Node)
            .Add("rules", Arr(r.Rules.Select(RoutingRule)))
            .AddIf(r.Concentration is not null, "concentration", () => new Obj()
                .Add("clause", r.Concentration!.Clause)
                .Add("reason", Text(r.Concentration.Reason))
                .AddIf(r.Concentration.Department is not null, "department", () => Limit(r.Concentration.Department!))
                .AddIf(r.Concentration.Stairwell is not null, "stairwell", () => Limit(r.Concentration.Stairwell!))
                .Add("note", r.Concentration.Note)
                .Node)
            .AddIf(r.Marks.Count > 0, "marks", () => Arr(r.Marks.Select(m => new Obj()
                .Add("id", m.Id)
                .Add("clause", m.Clause)
                .Add("when", m.When?.Text)
                .Add("label", Text(m.Label))
                .Add("forecastShare", m.ForecastShare?.Text)
                .Add("note", m.Note)
                .Node)))
            .Add("note", r.Note)
            .Node;

    private static JNode RoutingRule(RoutingRuleDefinition r)
        => new Obj()
            .Add("id", r.Id)
            .Add("clause", r.Clause)
            .Add("when", r.When?.Text)
            .AddIf(r.Route is not null, "route", () => Str(RouteNames.Name(r.Route!.Value)))
            .Add("counter", r.Counter)
            .AddIf(r.Share is not null, "share", () => r.Share!.FromTier ? Str("tier")
                : r.Share.PerTier is { } perTier ? Named(perTier.Select(x => (x.Tier, Str(x.Value.ToString()))))
                : Share(r.Share.Fixed!))
            .AddIf(r.Letting is not null, "letting", () => new Obj()
                .AddIf(r.Letting!.Tiers is not null, "tiers", () => Strings(r.Letting.Tiers!))
                .AddIf(r.Letting.FlexibleLetting is not null, "flexibleLetting", () => Flexible(r.Letting.FlexibleLetting!))
                .AddIf(r.Letting.Routes is not null, "routes", () => Routes(r.Letting.Routes!))
                .Add("note", r.Letting.Note)
                .Node)
            .AddIf(r.LegalBasis is not null, "legalBasis", () => r.LegalBasis!.PerTier is { } perTier
                ? Named(perTier.Select(x => (x.Tier, Str(x.Value))))
                : Str(r.LegalBasis.Fixed!))
            .Add("reason", Text(r.Reason))
            .Add("note", r.Note)
            .Node;

    private static JNode Limit(GuardLimitDefinition l)
        => new Obj()
            .Add("max", l.MaxParameter is not null ? Str("param." + l.MaxParameter) : Number(l.Max))
            .Add("months", Number(l.Months))
            .Add("note", l.Note)
            .Node;

    private static JNode Offers(OffersDefinition offers)
        => new Obj()
            .AddAll(offers.Routes.Select(r => (RouteNames.Name(r.Route), new Obj()
                .Add("clause", r.Clause)
                .Add("from", PackNames.Name(r.From))
                .Add("order", Arr(r.Order.Select(k => new Obj()
                    .Add("by", PackNames.Name(k.By))
                    .AddIf(k.Rank.Count > 0, "rank", () => Strings(k.Rank))
                    .Add("note", k.Note)
                    .Node)))
                .Add("reason", Text(r.Reason))
                .Add("note", r.Note)
                .Node)))
            .Add("note", offers.Note)
            .Node;

    private static JNode Share(ShareDefinition share) => Str(share.ToString());

    private static JNode Text(LocalizedText text) => new Obj().Add("da", text.Da).Add("en", text.En).Node;

    private static JNode Str(string text) => new(JKind.String, Written, text);

    private static JNode? Date(DateOnly? date) => date is { } d ? Str(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    private static JNode? Number(decimal? value) => value is { } v ? new JNode(JKind.Number, Written, v.ToString(CultureInfo.InvariantCulture)) : null;

    private static JNode Arr(IEnumerable<JNode> items) => new(JKind.Array, Written, items: items.ToList());

    private static JNode Strings(IEnumerable<string> items) => Arr(items.Select(Str));

    private static JNode Named(IEnumerable<(string Name, JNode Value)> properties) => new Obj().AddAll(properties).Node;

    /// <summary>An object under construction: properties in the order added, none for a null value.</summary>
    private sealed class Obj
    {
        private readonly List<JProperty> _properties = [];

        public JNode Node => new(JKind.Object, Written, properties: _properties);

        public Obj Add(string name, string? text) => Add(name, text is null ? null : Str(text));

        public Obj Add(string name, JNode? value)
        {
            if (value is not null)
            {
                _properties.Add(new JProperty(name, -1, value));
            }

            return this;
        }

        public Obj AddIf(bool condition, string name, Func<JNode> value) => condition ? Add(name, value()) : this;

        public Obj AddAll(IEnumerable<(string Name, JNode Value)> properties)
        {
            foreach (var (name, value) in properties)
            {
                Add(name, value);
            }

            return this;
        }
    }
}
