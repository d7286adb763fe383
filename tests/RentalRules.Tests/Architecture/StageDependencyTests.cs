using System.Text;
using RentalRules.Packs;
using Xunit.Abstractions;

namespace RentalRules.Tests.Architecture;

/// <summary>
/// The stages of src/RentalRules depend one way: a type may name types of its own stage and of the stages below it,
/// never of a stage above. Read from the compiled assembly (see <see cref="TypeReferences"/>), so a <c>using</c>, a fully
/// qualified name and a name visible from the enclosing namespace are caught alike.
/// </summary>
public sealed class StageDependencyTests(ITestOutputHelper output)
{
    /// <summary>
    /// The stages, bottom first, each a folder and namespace of src/RentalRules (the vocabulary is the root namespace).
    /// Compilation (the expression compiler) knows nothing of packs. Model is the uncompiled pack model: a pack as read,
    /// conditions as source text, naming neither the JSON it was read from nor the compiled pack. Packs reads JSON into
    /// the model, writes it back, and compiles the model into the compiled pack the later stages run on.
    /// </summary>
    internal static readonly string[] Stages =
        ["Vocabulary", "Diagnostics", "Json", "Facts", "Compilation", "Model", "Packs", "Evaluation", "Analysis", "Explanations", "Authoring", "Façade"];

    /// <summary>
    /// The façade wires the stages: the loader reads, composes, compiles and analyses a pack; the pack's entry points
    /// evaluate it. The other stages take a <see cref="RulePack"/> as the compiled pack they run on, so the façade's
    /// types are counted at the Packs stage when named from elsewhere, and may themselves name every stage.
    /// </summary>
    private static readonly Type[] Facade = [typeof(RulePack), typeof(RulePackLoader)];

    [Fact]
    public void NoStage_NamesATypeOfAStageAboveIt()
    {
        var offending = new List<string>();
        foreach (var (from, to) in Edges())
        {
            var fromStage = StageOf(from);
            if (fromStage == "Façade")
            {
                continue;
            }

            var toStage = StageOf(to) is "Façade" ? "Packs" : StageOf(to);
            if (Array.IndexOf(Stages, toStage) > Array.IndexOf(Stages, fromStage))
            {
                offending.Add($"{fromStage} → {toStage}: {Name(from)} names {Name(to)}");
            }
        }

        output.WriteLine(Table());
        Assert.True(offending.Count == 0, "References against the stage order (" + string.Join(" < ", Stages) + "):\n" + string.Join("\n", offending.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void References_AreReadFromMethodBodies_AsWellAsSignatures()
    {
        // The loader names the load-time analysis only by its qualified name, inside a method body.
        Assert.Contains(typeof(RentalRules.Analysis.PackAnalysis), TypeReferences.Of(typeof(RulePackLoader)));

        // A signature: the reason renderer's constructor takes no pack.
        Assert.DoesNotContain(typeof(RulePack), TypeReferences.Of(typeof(ReasonText)));
        Assert.Contains(typeof(LocalizedText), TypeReferences.Of(typeof(ReasonText)));
    }

    [Fact]
    public void EveryTypeOfTheLibrary_IsInAStage()
    {
        var unstaged = LibraryTypes().Where(t => Array.IndexOf(Stages, StageOf(t)) < 0).Select(Name).ToList();
        Assert.True(unstaged.Count == 0, "Types outside every stage: " + string.Join(", ", unstaged));
    }

    /// <summary>
    /// The folder-to-folder reference table: per pair of stages, how many distinct (type, type named) pairs cross from
    /// the row's stage to the column's. Printed by the dependency test; kept for the review notes.
    /// </summary>
    internal static string Table()
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var (from, to) in Edges())
        {
            var key = (StageOf(from), StageOf(to));
            if (key.Item1 != key.Item2)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var present = Stages.Where(s => counts.Keys.Any(k => k.Item1 == s || k.Item2 == s)).ToList();
        var sb = new StringBuilder();
        sb.Append("| from \\ to | ").AppendJoin(" | ", present).Append(" |\n");
        sb.Append("|---|").AppendJoin("", present.Select(_ => "---:|")).Append('\n');
        foreach (var row in present)
        {
            sb.Append("| ").Append(row).Append(" | ")
                .AppendJoin(" | ", present.Select(col => counts.TryGetValue((row, col), out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))
                .Append(" |\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<Type> LibraryTypes()
        => typeof(RulePack).Assembly.GetTypes().Where(t => t.Namespace is not null && t.Namespace.StartsWith("RentalRules", StringComparison.Ordinal));

    private static IEnumerable<(Type From, Type To)> Edges()
    {
        var assembly = typeof(RulePack).Assembly;
        foreach (var type in LibraryTypes())
        {
            foreach (var named in TypeReferences.Of(type))
            {
                if (named.Assembly == assembly && named.Namespace is not null && named.Namespace.StartsWith("RentalRules", StringComparison.Ordinal))
                {
                    yield return (type, named);
                }
            }
        }
    }

    /// <summary>The stage of a type: the façade's types (and the types nested in them), else its namespace's folder.</summary>
    internal static string StageOf(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        if (Array.IndexOf(Facade, outer) >= 0)
        {
            return "Façade";
        }

        var ns = outer.Namespace!;
        if (ns == "RentalRules")
        {
            return "Vocabulary";
        }

        var rest = ns["RentalRules.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static string Name(Type t)
    {
        var outer = t;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        return outer.FullName!["RentalRules.".Length..];
    }
}
