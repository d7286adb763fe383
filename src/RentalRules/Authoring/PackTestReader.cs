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
            r.Report(Descriptors.TestsForAnotherPack, root["pack"]!.Location, packId, expectedPack);
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
            r.Report(Descriptors.CasesNotAList, list.Location, JNode.KindName(list.Kind));
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
                        r.Report(Descriptors.DuplicateCaseName, item["name"]!.Location, c.Name);
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

            c.R.Report(Descriptors.CaseNoSuchFixture, node.Location, what, node.Text, Suggestions.DidYouMean(node.Text!, fixtures.Keys));
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
            r.Report(Descriptors.CaseWithoutDate, n.Location);
        }

        var clauses = ReadClauses(c, n, name);
        var department = Fact(c, r.Required(n, "department", "The case"), c.Departments, "department", x => FactReader.ReadDepartment(c.Facts, x));
        var household = Fact(c, n["household"], c.Households, "household", x => FactReader.ReadHousehold(c.Facts, x));
        var vacancy = Fact(c, n["vacancy"], c.Vacancies, "vacancy", x => FactReader.ReadVacancy(c.Facts, x));
        LettingRoute? route = null;
        if (n["route"] is { IsNull: false } routeNode)
        {
            route = r.String(routeNode) is { } named
                ? RouteNames.ParseLetting(named) ?? Invalid<LettingRoute>(r, routeNode, named, "a route", Suggestions.DidYouMean(named, RouteNames.Letting))
                : null;
        }

        if (household is not null && route is null && n["route"] is null)
        {
            r.Report(Descriptors.CaseCheckWithoutRoute, n["household"]!.Location, string.Join(", ", RouteNames.Letting.Select(x => "\"" + x + "\"")));
        }

        if (vacancy is not null && household is null)
        {
            r.Report(Descriptors.CaseVacancyWithoutHousehold, n["vacancy"]!.Location);
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
            r.Report(Descriptors.CaseLedgerWithoutVacancies, n["ledger"]!.Location);
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

    private static T? Invalid<T>(NodeReader r, JNode node, string text, string what, string hint)
        where T : struct
    {
        r.Report(Descriptors.CaseNotOneOf, node.Location, text, what, hint);
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
            r.Report(Descriptors.CaseClausesNotAList, node.Location);
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
                r.Report(Descriptors.CaseNoSuchClause, item.Location, c.Pack.Id, clause, Suggestions.DidYouMean(clause, declared));
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
            r.Report(Descriptors.CaseNoSuchTier, tierNode!.Location, c.Pack.Id, tier, Suggestions.DidYouMean(tier, c.Pack.Tiers));
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
                r.Report(Descriptors.CaseDueNotAFraction, dueNode.Location);
            }
        }

        if (dept is null)
        {
            r.Report(Descriptors.CaseCounterWithoutDepartment, n.Location);
            return null;
        }

        if (counted is { } k && (municipal + flexible > k))
        {
            r.Report(Descriptors.CaseCounterLettingsAboveCounted, n.Location);
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
            r.Report(Descriptors.CaseOfferHouseholdsNotAList, householdsNode.Location, JNode.KindName(householdsNode.Kind));
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
                    r.Report(Descriptors.CaseOfferHouseholdWithoutId, item.Location);
                    continue;
                }

                if (!ids.Add(id))
                {
                    r.Report(Descriptors.DuplicateOfferHousehold, item.Location, id);
                    continue;
                }

                households.Add(h with { Id = id });
            }
        }

        // Integer reads 0 or more: a negative top is an error there ("The number must be at least 0.").
        var top = r.Integer(n["top"]) ?? 20;
        return vacancy is null ? null : new PackTestOffer(vacancy, households, top);
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
                r.Report(Descriptors.CaseOfferNoSuchHousehold, x.Location, id, Suggestions.DidYouMean(id, ids));
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
                r.Report(Descriptors.CaseNoSuchCriterion, criterionNode!.Location, c.Pack.Id, criterion, Suggestions.DidYouMean(criterion, criteria));
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
            r.Report(Descriptors.CaseExpectsNothing, n.Location);
        }

        foreach (var key in new[] { "outcome", "criteria", "missing", "documents" })
        {
            if (n[key] is { } x && household is null)
            {
                r.Report(Descriptors.CaseExpectsCheckWithoutHousehold, x.Location, key);
            }
        }

        foreach (var key in new[] { "routing", "marks" })
        {
            if (n[key] is { } x && sequence is null)
            {
                r.Report(Descriptors.CaseExpectsRoutingWithoutVacancies, x.Location, key);
            }
        }

        foreach (var key in new[] { "offered", "unplaced" })
        {
            if (n[key] is { } x && offer is null)
            {
                r.Report(Descriptors.CaseExpectsOfferWithoutOffer, x.Location, key);
            }
        }

        var tierNode = n["tier"];
        var tier = r.String(tierNode);
        if (tier is not null && !c.Pack.Tiers.Contains(tier))
        {
            r.Report(Descriptors.CaseNoSuchTier, tierNode!.Location, c.Pack.Id, tier, Suggestions.DidYouMean(tier, c.Pack.Tiers));
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
                r.Report(Descriptors.CaseShareNotAFraction, shareNode.Location, shareNode.Text);
            }
        }

        var routing = r.Array(n["routing"], x => OneOf(r, x, RoutingRoutes, "a route"));
        if (routing is not null && sequence is not null && routing.Count != sequence.Count)
        {
            r.Report(Descriptors.CaseRoutesPerVacancy, n["routing"]!.Location, sequence.Count, routing.Count);
        }

        var marks = r.Array(n["marks"], x => (IReadOnlyList<string>?)r.Array(x, y => r.String(y)));
        if (marks is not null && sequence is not null && marks.Count != sequence.Count)
        {
            r.Report(Descriptors.CaseMarksPerVacancy, n["marks"]!.Location, sequence.Count, marks.Count);
        }

        return new PackTestExpectation
        {
            Placement = n["placement"] is { IsNull: false } p ? OneOf(r, p, ["placed", "undetermined", "unplaced"], "a placement outcome") switch
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
            r.Report(Descriptors.CaseNotOneOf, node.Location, text, what, Suggestions.DidYouMean(text, allowed));
            return null;
        }

        return text;
    }

    private static Outcome? ReadOutcome(NodeReader r, JNode? node)
        => node is null || node.IsNull ? null : OneOf(r, node, ["eligible", "ineligible", "undetermined"], "an outcome") switch
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
                r.Report(Descriptors.CaseNoSuchCriterionOrRequirement, p.NameLocation, c.Pack.Id, p.Name, Suggestions.DidYouMean(p.Name, ids));
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
                        r.Report(Descriptors.CaseNoSuchMember, mp.NameLocation, mp.Name, Suggestions.DidYouMean(mp.Name, members));
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
