using System.Globalization;
using RentalRules.Analysis;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// A pack as a document for the parties to review (<c>rentalrules doc</c>): title, status, validity and source; each
/// clause with the rules that cite it and the pack tests that cover it; parameters with their dated values, units and
/// assumptions; the placement table; tiers with shares and routes; routing; criteria sets with age bands, documents
/// and each condition in words; notes and interpretations. For a draft, what differs from its base is marked.
/// Markdown, or one self-contained printable HTML file. Rendering only; thread-safe (stateless).
/// </summary>
public static class PackDocument
{
    /// <summary>The document as Markdown.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="language">The language of the text.</param>
    /// <param name="tests">The pack's test report (for coverage per clause), or <c>null</c>.</param>
    /// <param name="basePack">For a draft, the pack it extends: what differs from it is marked. <c>null</c>: nothing is marked.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(RulePack pack, Language language, PackTestReport? tests = null, RulePack? basePack = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var builder = new PackDocumentBuilder(pack, language, tests, basePack);
        return DocMarkdownWriter.Write(builder.Build(), builder.MarkLabel);
    }

    /// <summary>The document as one self-contained HTML file (inline CSS, print styles, no scripts or external resources).</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="language">The language of the text.</param>
    /// <param name="tests">The pack's test report (for coverage per clause), or <c>null</c>.</param>
    /// <param name="basePack">For a draft, the pack it extends: what differs from it is marked. <c>null</c>: nothing is marked.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(RulePack pack, Language language, PackTestReport? tests = null, RulePack? basePack = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var builder = new PackDocumentBuilder(pack, language, tests, basePack);
        return DocHtmlWriter.Write(builder.Build(), pack.Title, language, builder.MarkLabel);
    }
}

/// <summary>Builds the pack document's blocks from the loaded pack (model, not JSON), in the reader's language.</summary>
internal sealed class PackDocumentBuilder
{
    private readonly RulePack _pack;
    private readonly Language _lang;
    private readonly PackTestReport? _tests;
    private readonly RulePack? _base;
    private readonly Dictionary<string, string> _changes;
    private readonly ConditionWords _words;
    private readonly DateOnly _on;
    private readonly List<DocBlock> _blocks = [];

    public PackDocumentBuilder(RulePack pack, Language language, PackTestReport? tests, RulePack? basePack)
    {
        _pack = pack;
        _lang = language;
        _tests = tests;
        _base = basePack;
        _changes = basePack is null ? [] : PackComparer.Changes(basePack, pack).ToDictionary(c => c.Key, c => c.Change, StringComparer.Ordinal);
        _on = pack.ValidFrom ?? pack.Parameters.Values.SelectMany(p => p.Values).Select(v => v.From).DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
        _words = new ConditionWords(pack, language, _on);
    }

    private bool Da => _lang == Language.Danish;

    private string T(string da, string en) => Da ? da : en;

    public string MarkLabel(string mark) => mark switch
    {
        "added" => T("ny i udkastet", "added by the draft"),
        "removed" => T("fjernet i udkastet", "removed by the draft"),
        "reworded" => T("omformuleret", "reworded"),
        "uncovered" => T("ikke dækket", "not covered"),
        _ => T("ændret i udkastet", "changed by the draft"),
    };

    private string? Mark(string kind, string id) => _changes.GetValueOrDefault(kind + ":" + id);

    private static List<DocInline> Text(string text) => [new DocInline(text)];

    private static List<DocInline> Code(string text) => [new DocInline(text, Code: true)];

    public IReadOnlyList<DocBlock> Build()
    {
        var m = _pack.Metadata;
        _blocks.Add(new DocHeading(1, m.Title));
        var fields = new List<(string, IReadOnlyList<DocInline>)>
        {
            (T("Pakke", "Pack"), Code(m.Id + " " + m.Version)),
            (T("Status", "Status"), Text(PackNames.Name(m.Status))),
            (T("Gyldighed", "Validity"), Text(Period(m.ValidFrom, m.ValidTo))),
        };
        if (m.Municipality is not null)
        {
            fields.Add((T("Kommune", "Municipality"), Text(m.Municipality)));
        }

        if (m.SourceTitle is not null || m.SourceDocument is not null)
        {
            fields.Add((T("Kilde", "Source"), Text(string.Join(" — ", new[] { m.SourceTitle, m.SourceDocument }.OfType<string>()))));
        }

        if (m.Extends.Count > 0)
        {
            fields.Add((T("Bygger på", "Extends"), Code(string.Join(", ", m.Extends))));
        }

        fields.Add((T("Parameterværdier vist pr.", "Parameter values shown on"), Text(Date(_on))));
        _blocks.Add(new DocFields(fields));
        if (_base is not null)
        {
            Differences();
        }

        Clauses();
        Parameters();
        Placement();
        Tiers();
        Routing();
        CriteriaSets();
        Notes();
        Coverage();
        return _blocks;
    }

    private void Differences()
    {
        _blocks.Add(new DocHeading(2, T($"Forskelle fra {_base!.Id}", $"What differs from {_base!.Id}"), "differences"));
        if (_changes.Count == 0)
        {
            _blocks.Add(new DocParagraph(T("Udkastet ændrer intet i forhold til grundlaget.", "The draft changes nothing compared with its base.")));
            return;
        }

        var rows = PackComparer.Changes(_base, _pack, _on)
            .Select(c => new DocRow([Code(c.Kind + ":" + c.Id), Text(c.Before is null && c.After is null ? "" : $"{c.Before ?? "—"} → {c.After ?? "—"}")], c.Change))
            .ToList();
        _blocks.Add(new DocTable([T("Regel", "Rule"), T("Værdi før → efter", "Value before → after")], rows));
    }

    private void Clauses()
    {
        _blocks.Add(new DocHeading(2, T("Bestemmelser", "Clauses"), "clauses"));
        var citations = _pack.Citations;
        var rows = new List<DocRow>();
        foreach (var clause in _pack.Clauses.Values.OrderBy(c => c.Source == _pack.Id ? 1 : 0).ThenBy(c => c.Id, ClauseOrder.Instance))
        {
            var rules = citations.Where(c => c.Clause == clause.Id && c.Source == clause.Source).Select(c => c.RuleId).Distinct(StringComparer.Ordinal).ToList();
            List<IReadOnlyList<DocInline>> cells =
            [
                [new DocInline(clause.Id, Strong: true)],
                Text(clause.Title ?? ""),
                Text(clause.Source),
                rules.Count == 0 ? Text(T("(citeres ikke)", "(not cited)")) : rules.SelectMany((r, i) => i == 0 ? new[] { new DocInline(r, Code: true) } : [new DocInline(", "), new DocInline(r, Code: true)]).ToList(),
            ];
            rows.Add(new DocRow(cells));
        }

        _blocks.Add(new DocTable([T("Bestemmelse", "Clause"), T("Titel", "Title"), T("Pakke", "Pack"), T("Regler, der citerer den", "Rules citing it")], rows));
    }

    private void Parameters()
    {
        if (_pack.Parameters.Count == 0)
        {
            return;
        }

        _blocks.Add(new DocHeading(2, T("Parametre", "Parameters"), "parameters"));
        var rows = _pack.Parameters.Values.Select(p => new DocRow(
            [
                [new DocInline(p.Name, Code: true), new DocInline(p.Title is null ? "" : " " + p.Title.In(_lang))],
                Text(string.Join("; ", p.Values.Select(v => $"{T("fra", "from")} {Date(v.From)}: {Value(v.Value, p.Unit)}"))),
                Text(PackNames.Name(p.Unit)),
                Text(p.Clause ?? ""),
                Text((p.Assumed ? T("ANTAGET. ", "ASSUMED. ") : "") + (p.Note ?? "")),
            ],
            Mark("parameter", p.Name))).ToList();
        _blocks.Add(new DocTable([T("Parameter", "Parameter"), T("Værdier", "Values"), T("Enhed", "Unit"), T("Bestemmelse", "Clause"), T("Antagelser og noter", "Assumptions and notes")], rows));
    }

    private void Placement()
    {
        _blocks.Add(new DocHeading(2, T("Placering", "Placement"), "placement"));
        _blocks.Add(new DocParagraph(_pack.HitPolicy == HitPolicy.First
            ? T("Den første regel, hvis betingelse er opfyldt, placerer afdelingen (hit policy: first).", "The first rule whose condition holds places the department (hit policy: first).")
            : T("Præcis én regel skal være opfyldt (hit policy: unique).", "Exactly one rule must hold (hit policy: unique).")));
        if (_pack.Decided is { } decided)
        {
            _blocks.Add(new DocParagraph([
                new DocInline(T("Aftalt farve/niveau:", "Decided tier:"), Strong: true),
                new DocInline(" " + (decided.Rules ? T("en aftalt placering (decidedTiers) gælder frem for nøgletallene", "a decided tier (decidedTiers) rules over the key figures") : T("nøgletallene gælder; en anden aftalt placering giver en advarsel", "the key figures rule; a different decided tier is a warning"))),
                new DocInline($" ({decided.Clause.Id}). {decided.Reason.In(_lang)}"),
            ]));
        }

        if (_pack.KeyFiguresCycle is { } cycle)
        {
            _blocks.Add(new DocParagraph(T($"Nøgletal ældre end {cycle.MaxAgeMonths} måneder giver en advarsel ({cycle.Clause.Id}).", $"Key figures older than {cycle.MaxAgeMonths} months give a warning ({cycle.Clause.Id}).")));
        }

        var rows = _pack.PlacementRules.Select((r, i) => new DocRow(
            [
                Text((i + 1).ToString(CultureInfo.InvariantCulture)),
                Code(r.Id),
                Text(r.Clause.Id),
                [new DocInline(_words.Render(r.When.Text)), new DocInline(" "), new DocInline(r.When.Text, Code: true)],
                [new DocInline(r.Tier, Strong: true)],
                Text(Reason(r.Reason)),
            ],
            Mark("placementRule", r.Id))).ToList();
        _blocks.Add(new DocTable(["#", T("Regel", "Rule"), T("Bestemmelse", "Clause"), T("Betingelse", "Condition"), T("Farve/niveau", "Tier"), T("Begrundelse", "Reason")], rows));
    }

    private void Tiers()
    {
        _blocks.Add(new DocHeading(2, T("Farver/niveauer og udlejning", "Tiers and letting"), "tiers"));
        var rows = new List<DocRow>();
        var transfers = _pack.TierDefs.Values.Any(InternalTransferRoute.Stated);
        foreach (var t in _pack.TierDefs.Values)
        {
            var flexible = PackNames.Name(t.FlexibleRule) + (t.FlexibleMaxShare is { } max ? $" ({T("højst", "at most")} {max})" : "") + (t.FlexibleClause is { } fc ? $", {fc.Id}" : "");
            var special = t.SpecialCriteria is { } sc ? $"{T("hver", "every")} {sc.Share} {T("under", "under")} {sc.CriteriaSet} ({sc.Clause})" : "";
            rows.Add(new DocRow(
                [
                    [new DocInline(t.Id, Code: true), new DocInline(" " + t.Label.In(_lang))],
                    Text(t.Clause.Id),
                    [new DocInline(t.MunicipalShareParameter is null ? t.MunicipalShare.ToString() : T("parameter", "parameter"), Strong: true)],
                    Text(flexible),
                    Text(special),
                    Text(Route(t, LettingRoute.Municipal)),
                    Text(Route(t, LettingRoute.Flexible)),
                    Text(Route(t, LettingRoute.WaitingList)),
                    .. transfers ? [Text(Route(t, LettingRoute.InternalTransfer))] : Array.Empty<List<DocInline>>(),
                ],
                Mark("tier", t.Id)));
        }

        string[] columns = [T("Farve/niveau", "Tier"), T("Bestemmelse", "Clause"), T("Kommunal andel", "Municipal share"), T("Fleksibel udlejning", "Flexible letting"), T("Særlige kriterier", "Special criteria"), T("Kommunal anvisning", "Municipal"), T("Fleksibel", "Flexible"), T("Venteliste", "Waiting list")];
        _blocks.Add(new DocTable(transfers ? [.. columns, T("Intern oprykning", "Internal transfer")] : columns, rows));
    }

    private string Route(TierDef tier, LettingRoute route)
    {
        if (!tier.Routes.TryGetValue(route, out var policy) || policy.Closed)
        {
            return T("lukket", "closed") + (policy?.Clause is { } c ? $" ({c.Id})" : "");
        }

        var requirements = policy.Requirements.Concat(_pack.Requirements.Where(r => r.Route == route).Select(r => r.Requirement)).ToList();
        if (requirements.Count == 0)
        {
            return T("åben for alle", "open to all");
        }

        return string.Join("; ", requirements.Select(r => r.CriteriaSet + (r.When is null ? "" : $" {T("når", "when")} {_words.Render(r.When.Text)}") + $" ({r.Clause.Id})"));
    }

    private void Routing()
    {
        if (_pack.RoutingRules.Count == 0 && _pack.Marks.Count == 0)
        {
            return;
        }

        _blocks.Add(new DocHeading(2, T("Ledige boliger", "Vacancies"), "routing"));
        _blocks.Add(new DocParagraph(T("Den første regel, hvis betingelse er opfyldt, afgør, hvor den ledige bolig går hen.", "The first rule whose condition holds decides where the vacancy goes.")));
        var rows = _pack.RoutingRules.Select(r => new DocRow(
            [
                Code(r.Id),
                Text(r.Clause.Id),
                [new DocInline(_words.Render(r.When.Text)), new DocInline(" "), new DocInline(r.When.Text, Code: true)],
                Text(r.FixedRoute is { } fixedRoute ? RouteNames.Name(fixedRoute) : (T("tælles i ", "counted in ") + r.Counter)),
                Text(Share(r.Share)),
                Text(Reason(r.Reason)),
            ],
            Mark("routingRule", r.Id))).ToList();
        _blocks.Add(new DocTable([T("Regel", "Rule"), T("Bestemmelse", "Clause"), T("Betingelse", "Condition"), T("Vej", "Route"), T("Kommunal andel", "Municipal share"), T("Begrundelse", "Reason")], rows));
        if (_pack.TierChange is { } change)
        {
            _blocks.Add(new DocParagraph($"{T("Ved skift af farve/niveau", "When a tier changes")}: {(change.Keep ? "keep" : "carry")} ({change.Clause.Id}). {change.Reason.In(_lang)}"));
        }

        if (_pack.Concentration is { } guard)
        {
            _blocks.Add(new DocParagraph($"{T("Koncentration", "Concentration")} ({guard.Clause.Id}): {Limit(guard.Department, T("pr. afdeling", "per department"))}{Limit(guard.Stairwell, T("pr. opgang", "per stairwell"))}{guard.Reason.In(_lang)}"));
        }

        if (_pack.Marks.Count > 0)
        {
            _blocks.Add(new DocList(_pack.Marks.Select(mk => (IReadOnlyList<DocInline>)[new DocInline(mk.Id, Code: true), new DocInline($" ({mk.Clause.Id}): {Reason(mk.Label)} — {_words.Render(mk.When.Text)}")]).ToList()));
        }
    }

    /// <summary>A reason or label with the parameters it quotes rendered as on the document's date.</summary>
    private string Reason(LocalizedText text) => _pack.Reasons.Render(text, _pack.ParametersOn(_on)).In(_lang);

    private string Limit(GuardLimit? limit, string where)
        => limit is null ? "" : $"{T("højst", "at most")} {(limit.MaxParameter is { } p ? _words.Render("param." + p) : limit.Max?.ToString(CultureInfo.InvariantCulture))} {where} {T("inden for", "within")} {limit.Months} {T("måneder", "months")}. ";

    private string Share(ShareSpec? share) => share switch
    {
        null => "",
        { Fixed: { } f } => f.ToString(),
        { FromTier: true } => T("farvens/niveauets andel", "the tier's share"),
        { PerTier: { } per } => string.Join(", ", per.Select(kv => $"{kv.Key}: {kv.Value}")),
        _ => T("parameter", "parameter"),
    };

    private void CriteriaSets()
    {
        if (_pack.CriteriaSets.Count == 0)
        {
            return;
        }

        _blocks.Add(new DocHeading(2, T("Kriterier", "Criteria"), "criteria"));
        foreach (var set in _pack.CriteriaSets.Values)
        {
            _blocks.Add(new DocHeading(3, $"{set.Title.In(_lang)} ({set.Clause.Id})", "criteria-set-" + set.Id));
            var intro = new List<DocInline>
            {
                new(set.Id, Code: true, Mark: Mark("criteriaSet", set.Id)),
                new(" — " + (set.All ? T("alle kriterier skal være opfyldt.", "every criterion must be met.") : T("ét kriterium er nok.", "one criterion is enough."))),
            };
            if (set.Documents.Count > 0)
            {
                intro.Add(new DocInline(" " + T("Dokumentation: ", "Documents: ") + string.Join("; ", set.Documents.Select(d => d.In(_lang)))));
            }

            _blocks.Add(new DocParagraph(intro));
            var rows = new List<DocRow>();
            foreach (var c in set.Criteria)
            {
                AddCriterion(rows, c, 0);
            }

            _blocks.Add(new DocTable([T("Kriterium", "Criterion"), T("Bestemmelse", "Clause"), T("Hvad", "What"), T("Aldersgruppe", "Age band"), T("Betingelse i ord", "Condition in words"), T("Dokumentation", "Documents")], rows));
        }
    }

    private void AddCriterion(List<DocRow> rows, CriterionNode c, int depth)
    {
        var indent = new string(' ', depth * 2);
        var (band, condition) = c switch
        {
            LeafCriterion leaf => (Band(leaf.Members), (IReadOnlyList<DocInline>)[new DocInline(_words.Render(leaf.Condition.Text)), new DocInline(" "), new DocInline(leaf.Condition.Text, Code: true)]),
            GroupCriterion g => ("", Text(g.All ? T("alle disse:", "all of these:") : T("et af disse:", "one of these:"))),
            RefCriterion r => ("", Text(T("kriteriesættet ", "the criteria set ") + r.CriteriaSet)),
            _ => ("", Text("")),
        };
        var assumption = c is LeafCriterion { Assumption: { } a } ? " " + T("Antagelse: ", "Assumption: ") + a.In(_lang) : "";
        rows.Add(new DocRow(
            [
                Code(indent + c.Id),
                Text(c.Clause.Id),
                Text(c.Title.In(_lang) + assumption),
                Text(band),
                condition,
                Text(string.Join("; ", c.Documents.Select(d => d.In(_lang)))),
            ],
            Mark("criterion", c.Id)));
        if (c is GroupCriterion group)
        {
            foreach (var child in group.Children)
            {
                AddCriterion(rows, child, depth + 1);
            }
        }
    }

    private string Band(MemberBand? band) => band switch
    {
        null => T("husstanden", "the household"),
        { MinAge: { } min, MaxAge: { } max } => T($"hvert medlem {min}-{max} år", $"every member aged {min}-{max}"),
        { MinAge: { } min } => T($"hvert medlem {min}+ år", $"every member aged {min}+"),
        { MaxAge: { } max } => T($"hvert medlem op til {max} år", $"every member up to {max}"),
        _ => T("hvert medlem", "every member"),
    };

    private void Notes()
    {
        if (_pack.Metadata.Notes.Count > 0)
        {
            _blocks.Add(new DocHeading(2, T("Noter", "Notes"), "notes"));
            _blocks.Add(new DocList(_pack.Metadata.Notes.Select(n => (IReadOnlyList<DocInline>)Text(n)).ToList()));
        }

        if (_pack.Interpretations.Count > 0)
        {
            _blocks.Add(new DocHeading(2, T("Fortolkninger", "Interpretations"), "interpretations"));
            var rows = _pack.Interpretations.Select(i => new DocRow(
            [
                Code(i.Rule),
                Text(i.Clause),
                Text(i.Reading),
                Text(i.Alternative),
                i.Draft is null ? Text("") : Code(i.Draft),
            ])).ToList();
            _blocks.Add(new DocTable([T("Regel", "Rule"), T("Bestemmelse", "Clause"), T("Læsning", "Reading"), T("Alternativ", "Alternative"), T("Udkast", "Draft")], rows));
        }
    }

    private void Coverage()
    {
        _blocks.Add(new DocHeading(2, T("Dækning af pakketests", "Pack test coverage"), "coverage"));
        if (_tests is null || _tests.TestsFile is null)
        {
            _blocks.Add(new DocParagraph(T("Pakken har ingen tests (ID.tests.json ved siden af pakken).", "The pack has no tests (ID.tests.json beside the pack).")));
            return;
        }

        var passed = _tests.Cases.Count(c => c.Passed);
        _blocks.Add(new DocParagraph(T(
            $"{_tests.TestsFile}: {_tests.Cases.Count} tilfælde, {passed} bestået, {_tests.Cases.Count - passed} fejlet.",
            $"{_tests.TestsFile}: {_tests.Cases.Count} cases, {passed} passed, {_tests.Cases.Count - passed} failed.")));
        var rows = _tests.Coverage.Select(c => new DocRow(
            [
                [new DocInline(c.Clause, Strong: true)],
                Text(c.Cases.Count.ToString(CultureInfo.InvariantCulture)),
                c.Cases.Count == 0 ? Text(T("intet tilfælde citerer den", "no case cites it")) : Text(string.Join("; ", c.Cases)),
            ],
            c.Cases.Count == 0 ? "uncovered" : null)).ToList();
        _blocks.Add(new DocTable([T("Bestemmelse", "Clause"), T("Tilfælde", "Cases"), T("Navne", "Names")], rows));
    }

    private string Period(DateOnly? from, DateOnly? to)
        => from is null && to is null ? T("ingen periode angivet", "no period stated") : $"{(from is { } f ? Date(f) : "…")} – {(to is { } t ? Date(t) : "…")}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Value(decimal value, ParameterUnit unit) => unit == ParameterUnit.Share
        ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : value.ToString(Da ? "#,0.##" : "#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Orders clause ids so that "§ 3.10" follows "§ 3.9" and "bilag 3 nr. 10" follows "nr. 9".</summary>
    private sealed class ClauseOrder : IComparer<string>
    {
        public static readonly ClauseOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Parts(x ?? "");
            var b = Parts(y ?? "");
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var c = a[i] is long m && b[i] is long n ? m.CompareTo(n) : string.CompareOrdinal(a[i].ToString(), b[i].ToString());
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Count.CompareTo(b.Count);
        }

        private static List<object> Parts(string s)
        {
            var parts = new List<object>();
            var i = 0;
            while (i < s.Length)
            {
                var start = i;
                var digits = char.IsAsciiDigit(s[i]);
                while (i < s.Length && char.IsAsciiDigit(s[i]) == digits)
                {
                    i++;
                }

                var piece = s[start..i];
                parts.Add(digits && long.TryParse(piece, CultureInfo.InvariantCulture, out var n) ? n : piece);
            }

            return parts;
        }
    }
}
