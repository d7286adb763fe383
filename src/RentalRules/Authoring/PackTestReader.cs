using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Json;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// Reads a pack tests file (<c>ID.tests.json</c>, schema <c>rules/schema/rentalrules-pack-tests.schema.json</c>) and
/// checks every name in it against the pack it runs on: clauses, tiers, criteria and members, fixtures. Every problem is
/// a located diagnostic (file, JSON path, line, column) with a "did you mean"; facts are read by the same strict reader
/// as fact files, so an unknown fact is the same error there as here, located in the tests file.
/// </summary>
internal static class PackTestReader
{
    private static readonly string[] TopLevel = ["pack", "on", "departments", "households", "vacancies", "cases"];
    private static readonly string[] CaseKeys = ["name", "clauses", "on", "department", "household", "vacancy", "route", "specialCriteria", "ledger", "vacancies", "offer", "expect", "note"];
    private static readonly string[] OfferKeys = ["vacancy", "households", "top"];
    private static readonly string[] OfferedKeys = ["household", "criterion"];
    private static readonly string[] ExpectKeys = ["placement", "tier", "municipalShare", "outcome", "criteria", "missing", "documents", "routing", "marks", "offered", "unplaced", "reason", "warnings"];
    private static readonly string[] CriterionKeys = ["outcome", "members", "missing", "documents"];
    private static readonly string[] CounterKeys = ["department", "counter", "tier", "counted", "municipal", "flexible", "due"];
    /// <summary>What a routing expectation may name: every vacancy route (the one table), and a municipal allocation under special criteria.</summary>
    private static readonly string[] RoutingRoutes = [.. EnumNames<VacancyRoute>.Names, PackTestEvaluation.MunicipalSpecialCriteria];

    /// <summary>Reads the file; <c>null</c> with diagnostics when it is not usable.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="file">The name used in diagnostics.</param>
    /// <param name="pack">The pack the cases run on (names are checked against it).</param>
    /// <param name="expectedPack">The id the file must be written for, or <c>null</c> when any id is fine (a base's tests run on a draft).</param>
    /// <param name="diagnostics">Receives the problems.</param>
    public static PackTestFile? Read(byte[] utf8, string file, RulePack pack, string? expectedPack, List<Diagnostic> diagnostics)
    {
        var (root, error) = JsonText.Parse(utf8, file);
        if (root is null)
        {
            diagnostics.Add(error!);
            return null;
        }

        var before = diagnostics.Count(d => d.Severity == Severity.Error);
        var r = new NodeReader(diagnostics, facts: false);
        var facts = new NodeReader(diagnostics, facts: true);
        if (!r.ExpectObject(root, "A pack tests file"))
        {
            return null;
        }

        r.CheckProperties(root, "A pack tests file", TopLevel);
        var packId = r.String(r.Required(root, "pack", "A pack tests file"), nonEmpty: true) ?? "";
        if (expectedPack is not null && packId.Length > 0 && packId != expectedPack)
        {
            r.Error(DiagnosticCodes.UnresolvedReference, $"These tests are written for pack '{packId}', but they run on '{expectedPack}'.", root["pack"]!.Location, $"Write \"pack\": \"{expectedPack}\", or put the tests beside the pack they are for.");
        }

        var defaultOn = r.Date(root["on"]);
        var departments = Fixtures(r, root["departments"], "departments", n => FactReader.ReadDepartment(facts, n));
        var households = Fixtures(r, root["households"], "households", n => FactReader.ReadHousehold(facts, n));
        var vacancies = Fixtures(r, root["vacancies"], "vacancies", n => FactReader.ReadVacancy(facts, n));
        var context = new Context(r, facts, pack, departments, households, vacancies, defaultOn);

        var cases = new List<PackTestCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = r.Required(root, "cases", "A pack tests file");
        if (list is not null && list.Kind != JKind.Array)
        {
            r.Error(DiagnosticCodes.WrongType, $"'cases' must be a list [..], but is {JNode.KindName(list.Kind)}.", list.Location, "Write \"cases\": [ { \"name\": …, … } ].");
        }
        else if (list is not null)
        {
            foreach (var item in list.Items)
            {
                var first = diagnostics.Count;
                var read = ReadCase(context, item);
                NameTheCase(diagnostics, first, item);
                if (read is { } c)
                {
                    if (!names.Add(c.Name))
                    {
                        r.Error(DiagnosticCodes.DuplicateId, $"Two cases are named '{c.Name}'.", item["name"]!.Location, "Give every case a name of its own: it is how the report names it.");
                    }

                    cases.Add(c);
                }
            }
        }

        return diagnostics.Count(d => d.Severity == Severity.Error) > before ? null : new PackTestFile(file, packId, cases);
    }

    /// <summary>Says which case a problem is in: its name (or number) before the message.</summary>
    private static void NameTheCase(List<Diagnostic> diagnostics, int first, JNode item)
    {
        var label = item["name"] is { Kind: JKind.String } nameNode ? $"Case '{nameNode.Text}'" : $"Case {item.Path}";
        for (var i = first; i < diagnostics.Count; i++)
        {
            diagnostics[i] = diagnostics[i] with { Message = $"{label}: {diagnostics[i].Message}" };
        }
    }

    private sealed record Context(
        NodeReader R,
        NodeReader Facts,
        RulePack Pack,
        IReadOnlyDictionary<string, Department> Departments,
        IReadOnlyDictionary<string, Household> Households,
        IReadOnlyDictionary<string, Vacancy> Vacancies,
        DateOnly? On);

    private static Dictionary<string, T> Fixtures<T>(NodeReader r, JNode? node, string what, Func<JNode, T?> read)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (node is null || node.IsNull || !r.ExpectObject(node, $"'{what}'"))
        {
            return result;
        }

        foreach (var p in node.Properties)
        {
            if (read(p.Value) is { } value)
            {
                result[p.Name] = value;
            }
        }

        return result;
    }

    /// <summary>A fact given inline (an object) or by the name of a fixture (a string).</summary>
    private static T? Fact<T>(Context c, JNode? node, IReadOnlyDictionary<string, T> fixtures, string what, Func<JNode, T?> read)
        where T : class
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == JKind.String)
        {
            if (fixtures.TryGetValue(node.Text!, out var named))
            {
                return named;
            }

            c.R.Error(DiagnosticCodes.UnresolvedReference, $"There is no {what} named '{node.Text}' in the file's '{what}s'.", node.Location, Suggestions.DidYouMean(node.Text!, fixtures.Keys));
            return null;
        }

        return read(node);
    }

    private static PackTestCase? ReadCase(Context c, JNode n)
    {
        var r = c.R;
        if (!r.ExpectObject(n, "A case"))
        {
            return null;
        }

        r.CheckProperties(n, "A case", CaseKeys);
        var errors = r.Diagnostics.Count(d => d.Severity == Severity.Error);
        var name = r.String(r.Required(n, "name", "A case"), nonEmpty: true);
        var on = r.Date(n["on"]) ?? c.On;
        if (on is null && n["on"] is null)
        {
            r.Error(DiagnosticCodes.MissingProperty, "The case needs a date: 'on' in the case or at the top of the file.", n.Location, "Add \"on\": \"yyyy-MM-dd\".");
        }

        var clauses = ReadClauses(c, n, name);
        var department = Fact(c, r.Required(n, "department", "The case"), c.Departments, "department", x => FactReader.ReadDepartment(c.Facts, x));
        var household = Fact(c, n["household"], c.Households, "household", x => FactReader.ReadHousehold(c.Facts, x));
        var vacancy = Fact(c, n["vacancy"], c.Vacancies, "vacancy", x => FactReader.ReadVacancy(c.Facts, x));
        LettingRoute? route = null;
        if (n["route"] is { IsNull: false } routeNode)
        {
            route = r.String(routeNode) is { } named
                ? RouteNames.ParseLetting(named) ?? Invalid<LettingRoute>(r, routeNode, $"'{named}' is not a route.", Suggestions.DidYouMean(named, RouteNames.Letting))
                : null;
        }

        if (household is not null && route is null && n["route"] is null)
        {
            r.Error(DiagnosticCodes.MissingProperty, "The case checks a household but names no route.", n["household"]!.Location, "Add \"route\": " + string.Join(", ", RouteNames.Letting.Select(x => "\"" + x + "\"")) + ".");
        }

        if (vacancy is not null && household is null)
        {
            r.Error(DiagnosticCodes.InvalidValue, "The case gives a 'vacancy' (the dwelling of a check) but no household.", n["vacancy"]!.Location, "Add the household to check, or route dwellings with \"vacancies\": [ … ].");
        }

        IReadOnlyList<Vacancy>? sequence = null;
        if (n["vacancies"] is { IsNull: false } seq)
        {
            sequence = r.Array(seq, x => Fact(c, x, c.Vacancies, "vacancy", y => FactReader.ReadVacancy(c.Facts, y)));
        }

        var offer = n["offer"] is { IsNull: false } offerNode ? ReadOffer(c, offerNode) : null;
        var ledger = n["ledger"] is { IsNull: false } l ? r.Array(l, x => ReadCounter(c, x, department)) ?? [] : [];
        if (ledger.Count > 0 && sequence is null && offer is null)
        {
            r.Error(DiagnosticCodes.InvalidValue, "The case starts from a ledger but routes no vacancies.", n["ledger"]!.Location, "Add \"vacancies\": [ … ], the vacancies to route from that ledger.");
        }

        var expectNode = r.Required(n, "expect", "The case");
        var expect = expectNode is null ? new PackTestExpectation() : ReadExpect(c, expectNode, name, household, sequence, offer);
        if (r.Diagnostics.Count(d => d.Severity == Severity.Error) > errors || name is null || on is null || department is null)
        {
            return null;
        }

        return new PackTestCase(name, clauses, on.Value, n.Location)
        {
            Department = department,
            Household = household,
            Vacancy = vacancy,
            Route = route,
            SpecialCriteria = r.Bool(n["specialCriteria"]) ?? false,
            Ledger = ledger,
            Vacancies = sequence,
            Offer = offer,
            Expect = expect,
        };
    }

    private static T? Invalid<T>(NodeReader r, JNode node, string message, string hint)
        where T : struct
    {
        r.Error(DiagnosticCodes.InvalidValue, message, node.Location, hint);
        return null;
    }

    private static List<string> ReadClauses(Context c, JNode n, string? name)
    {
        var r = c.R;
        var node = r.Required(n, "clauses", "The case");
        var declared = c.Pack.DeclaredClauses.Select(x => x.Clause).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<string>();
        if (node is null)
        {
            return result;
        }

        if (node.Kind != JKind.Array || node.Items.Count == 0)
        {
            r.Error(DiagnosticCodes.WrongType, "The case must cite the clauses it exercises as a non-empty list.", node.Location, "Write \"clauses\": [\"§ 6\"].");
            return result;
        }

        foreach (var item in node.Items)
        {
            if (r.String(item, nonEmpty: true) is not { } clause)
            {
                continue;
            }

            if (!declared.Contains(clause, StringComparer.Ordinal))
            {
                r.Error(DiagnosticCodes.UnresolvedReference, $"The pack '{c.Pack.Id}' declares no clause '{clause}'.", item.Location, Suggestions.DidYouMean(clause, declared));
            }

            result.Add(clause);
        }

        return result;
    }

    private static LedgerCounter? ReadCounter(Context c, JNode n, Department? department)
    {
        var r = c.R;
        if (!r.ExpectObject(n, "A ledger counter"))
        {
            return null;
        }

        r.CheckProperties(n, "A ledger counter", CounterKeys);
        var dept = r.String(n["department"]) ?? department?.Id;
        var counter = r.String(r.Required(n, "counter", "A ledger counter"), nonEmpty: true);
        var tierNode = r.Required(n, "tier", "A ledger counter");
        var tier = r.String(tierNode);
        if (tier is not null && !c.Pack.Tiers.Contains(tier))
        {
            r.Error(DiagnosticCodes.UnresolvedReference, $"The pack '{c.Pack.Id}' has no tier '{tier}'.", tierNode!.Location, Suggestions.DidYouMean(tier, c.Pack.Tiers));
        }

        var counted = r.Integer(r.Required(n, "counted", "A ledger counter"));
        var municipal = r.Integer(n["municipal"]) ?? 0;
        var flexible = r.Integer(n["flexible"]) ?? 0;
        Fraction? due = null;
        if (n["due"] is { IsNull: false } dueNode)
        {
            if (r.String(dueNode) is { } text && Fraction.TryParse(text, out var f))
            {
                due = f;
            }
            else
            {
                r.Error(DiagnosticCodes.InvalidValue, "'due' must be an exact fraction such as \"5/3\".", dueNode.Location, "Write the sum of the shares counted as a fraction in quotes.");
            }
        }

        if (dept is null)
        {
            r.Error(DiagnosticCodes.MissingProperty, "A ledger counter needs the department it counts.", n.Location, "Add \"department\", or give the case's department an \"id\".");
            return null;
        }

        if (counted is { } k && (municipal + flexible > k))
        {
            r.Error(DiagnosticCodes.InvalidValue, "A ledger counter's municipal and flexible lettings cannot exceed what it counted.", n.Location, "Make \"counted\" at least \"municipal\" + \"flexible\".");
            return null;
        }

        return counter is null || tier is null || counted is null ? null : new LedgerCounter(dept, counter, tier, counted.Value, municipal, flexible) { Due = due };
    }

    /// <summary>
    /// The offer a case draws up: a vacancy (a fixture's name or inline; its department is the case's) and the households
    /// it may be offered to, in input order (fixture names, which are their ids in the offer, or inline households with
    /// an id). Ids must be unique: they are how the expected list names households.
    /// </summary>
    private static PackTestOffer? ReadOffer(Context c, JNode n)
    {
        var r = c.R;
        if (!r.ExpectObject(n, "'offer'"))
        {
            return null;
        }

        r.CheckProperties(n, "'offer'", OfferKeys);
        var vacancy = Fact(c, r.Required(n, "vacancy", "'offer'"), c.Vacancies, "vacancy", x => FactReader.ReadVacancy(c.Facts, x));
        var householdsNode = r.Required(n, "households", "'offer'");
        var households = new List<Household>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (householdsNode is not null && householdsNode.Kind != JKind.Array)
        {
            r.Error(DiagnosticCodes.WrongType, $"'households' must be a list [..], but is {JNode.KindName(householdsNode.Kind)}.", householdsNode.Location, "Write \"households\": [\"anna\", \"bo\"], names of the file's households or households with an \"id\".");
        }
        else if (householdsNode is not null)
        {
            foreach (var item in householdsNode.Items)
            {
                var h = Fact(c, item, c.Households, "household", x => FactReader.ReadHousehold(c.Facts, x));
                if (h is null)
                {
                    continue;
                }

                var id = item.Kind == JKind.String ? item.Text : h.Id;
                if (id is null)
                {
                    r.Error(DiagnosticCodes.MissingProperty, "A household of an offer needs an id: the expected list names households by it.", item.Location, "Add \"id\" to the household, or give it as the name of one of the file's households.");
                    continue;
                }

                if (!ids.Add(id))
                {
                    r.Error(DiagnosticCodes.DuplicateId, $"Two households of the offer have the id '{id}'.", item.Location, "Give every household of an offer an id of its own.");
                    continue;
                }

                households.Add(h with { Id = id });
            }
        }

        var top = r.Integer(n["top"]) ?? 20;
        if (top < 0)
        {
            r.Error(DiagnosticCodes.InvalidValue, "'top' must be 0 or more.", n["top"]!.Location, "Write how many households the list names at most, e.g. \"top\": 5.");
        }

        return vacancy is null ? null : new PackTestOffer(vacancy, households, Math.Max(top, 0));
    }

    private static IReadOnlyList<OfferedExpectation>? ReadOffered(Context c, JNode? node, PackTestOffer? offer)
    {
        var r = c.R;
        if (node is null || node.IsNull)
        {
            return null;
        }

        var ids = offer?.Households.Select(h => h.Id!).ToList() ?? [];
        var criteria = c.Pack.Citations.Select(x => x.RuleId).Distinct(StringComparer.Ordinal).ToList();
        string? Household(JNode x)
        {
            var id = r.String(x, nonEmpty: true);
            if (id is not null && offer is not null && !ids.Contains(id, StringComparer.Ordinal))
            {
                r.Error(DiagnosticCodes.UnresolvedReference, $"The offer has no household '{id}'.", x.Location, Suggestions.DidYouMean(id, ids));
            }

            return id;
        }

        return r.Array(node, x =>
        {
            if (x.Kind == JKind.String)
            {
                return Household(x) is { } id ? new OfferedExpectation(id, null) : null;
            }

            if (!r.ExpectObject(x, "An offered household"))
            {
                return null;
            }

            r.CheckProperties(x, "An offered household", OfferedKeys);
            var household = r.Required(x, "household", "An offered household") is { } h ? Household(h) : null;
            var criterionNode = x["criterion"];
            var criterion = r.String(criterionNode, nonEmpty: true);
            if (criterion is not null && !criteria.Contains(criterion, StringComparer.Ordinal))
            {
                r.Error(DiagnosticCodes.UnresolvedReference, $"The pack '{c.Pack.Id}' has no criterion '{criterion}'.", criterionNode!.Location, Suggestions.DidYouMean(criterion, criteria));
            }

            return household is null ? null : new OfferedExpectation(household, criterion);
        });
    }

    private static PackTestExpectation ReadExpect(Context c, JNode n, string? name, Household? household, IReadOnlyList<Vacancy>? sequence, PackTestOffer? offer)
    {
        var r = c.R;
        if (!r.ExpectObject(n, "'expect'"))
        {
            return new PackTestExpectation();
        }

        r.CheckProperties(n, "'expect'", ExpectKeys);
        if (n.Properties.Count == 0)
        {
            r.Error(DiagnosticCodes.MissingProperty, "The case expects nothing, so it cannot fail.", n.Location, "Say what the pack must answer, e.g. \"tier\", \"outcome\", \"criteria\", \"routing\" or \"offered\".");
        }

        foreach (var key in new[] { "outcome", "criteria", "missing", "documents" })
        {
            if (n[key] is { } x && household is null)
            {
                r.Error(DiagnosticCodes.InvalidValue, $"The case expects '{key}' of a check, but gives no household.", x.Location, "Add \"household\" and \"route\", or leave the expectation out.");
            }
        }

        foreach (var key in new[] { "routing", "marks" })
        {
            if (n[key] is { } x && sequence is null)
            {
                r.Error(DiagnosticCodes.InvalidValue, $"The case expects '{key}', but routes no vacancies.", x.Location, "Add \"vacancies\": [ … ] to the case.");
            }
        }

        foreach (var key in new[] { "offered", "unplaced" })
        {
            if (n[key] is { } x && offer is null)
            {
                r.Error(DiagnosticCodes.InvalidValue, $"The case expects '{key}', but draws up no offer.", x.Location, "Add \"offer\": { \"vacancy\": …, \"households\": [ … ] } to the case.");
            }
        }

        var tierNode = n["tier"];
        var tier = r.String(tierNode);
        if (tier is not null && !c.Pack.Tiers.Contains(tier))
        {
            r.Error(DiagnosticCodes.UnresolvedReference, $"The pack '{c.Pack.Id}' has no tier '{tier}'.", tierNode!.Location, Suggestions.DidYouMean(tier, c.Pack.Tiers));
        }

        Fraction? share = null;
        if (n["municipalShare"] is { IsNull: false } shareNode)
        {
            if (r.String(shareNode) is { } text && Fraction.TryParse(text, out var f))
            {
                share = f;
            }
            else if (shareNode.Kind == JKind.String)
            {
                r.Error(DiagnosticCodes.InvalidValue, $"'{shareNode.Text}' is not an exact fraction.", shareNode.Location, "Write the share as the pack does: \"1/3\", \"11/50\" or \"0\".");
            }
        }

        var routing = r.Array(n["routing"], x => OneOf(r, x, RoutingRoutes, "route"));
        if (routing is not null && sequence is not null && routing.Count != sequence.Count)
        {
            r.Error(DiagnosticCodes.InvalidValue, $"The case routes {sequence.Count} vacancies but expects {routing.Count} routes.", n["routing"]!.Location, "Give one route per vacancy, in order.");
        }

        var marks = r.Array(n["marks"], x => (IReadOnlyList<string>?)r.Array(x, y => r.String(y)));
        if (marks is not null && sequence is not null && marks.Count != sequence.Count)
        {
            r.Error(DiagnosticCodes.InvalidValue, $"The case routes {sequence.Count} vacancies but expects marks for {marks.Count}.", n["marks"]!.Location, "Give one list of marks per vacancy, in order ([] for none).");
        }

        return new PackTestExpectation
        {
            Placement = n["placement"] is { IsNull: false } p ? OneOf(r, p, ["placed", "undetermined", "unplaced"], "placement outcome") switch
            {
                "placed" => PlacementOutcome.Placed,
                "undetermined" => PlacementOutcome.Undetermined,
                "unplaced" => PlacementOutcome.Unplaced,
                _ => null,
            } : null,
            Tier = tier,
            MunicipalShare = share,
            Outcome = ReadOutcome(r, n["outcome"]),
            Criteria = ReadCriteria(c, n["criteria"], household),
            Missing = r.Array(n["missing"], x => r.String(x, nonEmpty: true)),
            Documents = Texts(r, n["documents"]),
            Routing = routing,
            Marks = marks,
            Offered = ReadOffered(c, n["offered"], offer),
            Unplaced = ReadOffered(c, n["unplaced"], offer)?.Select(x => x.Household).ToList(),
            Reason = Texts(r, n["reason"]),
            Warnings = Texts(r, n["warnings"]),
        };
    }

    private static string? OneOf(NodeReader r, JNode node, string[] allowed, string what)
    {
        var text = r.String(node);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            r.Error(DiagnosticCodes.InvalidValue, $"'{text}' is not a {what}.", node.Location, Suggestions.DidYouMean(text, allowed));
            return null;
        }

        return text;
    }

    private static Outcome? ReadOutcome(NodeReader r, JNode? node)
        => node is null || node.IsNull ? null : OneOf(r, node, ["eligible", "ineligible", "undetermined"], "outcome") switch
        {
            "eligible" => RentalRules.Outcome.Eligible,
            "ineligible" => RentalRules.Outcome.Ineligible,
            "undetermined" => RentalRules.Outcome.Undetermined,
            _ => null,
        };

    /// <summary>A text or a list of texts.</summary>
    private static IReadOnlyList<string> Texts(NodeReader r, JNode? node)
    {
        if (node is null || node.IsNull)
        {
            return [];
        }

        return node.Kind == JKind.String ? [node.Text!] : r.Array(node, x => r.String(x, nonEmpty: true)) ?? [];
    }

    private static List<CriterionExpectation> ReadCriteria(Context c, JNode? node, Household? household)
    {
        var r = c.R;
        var result = new List<CriterionExpectation>();
        if (node is null || node.IsNull || !r.ExpectObject(node, "'criteria'"))
        {
            return result;
        }

        var ids = c.Pack.Citations.Select(x => x.RuleId).Distinct(StringComparer.Ordinal).ToList();
        var members = household?.Members?.Select(m => m.Id).OfType<string>().ToList() ?? [];
        foreach (var p in node.Properties)
        {
            if (!ids.Contains(p.Name, StringComparer.Ordinal))
            {
                r.Error(DiagnosticCodes.UnresolvedReference, $"The pack '{c.Pack.Id}' has no criterion or requirement '{p.Name}'.", p.NameLocation, Suggestions.DidYouMean(p.Name, ids));
                continue;
            }

            if (p.Value.Kind == JKind.String)
            {
                result.Add(new CriterionExpectation(p.Name, ReadOutcome(r, p.Value)));
                continue;
            }

            if (!r.ExpectObject(p.Value, $"The expectation of '{p.Name}'"))
            {
                continue;
            }

            r.CheckProperties(p.Value, $"The expectation of '{p.Name}'", CriterionKeys);
            var perMember = new List<(string, Outcome)>();
            if (p.Value["members"] is { IsNull: false } m && r.ExpectObject(m, "'members'"))
            {
                foreach (var mp in m.Properties)
                {
                    if (!members.Contains(mp.Name, StringComparer.Ordinal))
                    {
                        r.Error(DiagnosticCodes.UnresolvedReference, $"The case's household has no member '{mp.Name}'.", mp.NameLocation, Suggestions.DidYouMean(mp.Name, members));
                    }
                    else if (ReadOutcome(r, mp.Value) is { } o)
                    {
                        perMember.Add((mp.Name, o));
                    }
                }
            }

            result.Add(new CriterionExpectation(p.Name, ReadOutcome(r, p.Value["outcome"]))
            {
                Members = perMember,
                Missing = r.Array(p.Value["missing"], x => r.String(x, nonEmpty: true)),
                Documents = Texts(r, p.Value["documents"]),
            });
        }

        return result;
    }
}

/// <summary>Pack-test reading problems, whose messages name the case, the pack and the names involved (never household values).</summary>
internal static class PackTestDiagnostics
{
    public static void Error(this NodeReader reader, string code, string message, SourceLocation location, string? hint = null)
        => reader.Diagnostics.Add(new Diagnostic(Severity.Error, code, message, location, hint));
}
