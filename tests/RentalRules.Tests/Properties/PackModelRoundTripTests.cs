using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// A true round trip of the pack model: a <see cref="PackDefinition"/> written by <see cref="PackWriter"/> and read
/// again by <see cref="PackReader"/> is the same definition (structural equality; only source locations are left
/// out), for generated models and for every shipped pack, example and interpretation draft (composed with its bases).
/// </summary>
public sealed class PackModelRoundTripTests
{
    private const int Models = 300;

    public static TheoryData<string> EveryPackFile() =>
        [.. new[] { Repo.PackFiles("rules"), Repo.PackFiles("rules", "examples"), Repo.PackFiles("samples", "interpretations") }
            .SelectMany(files => files)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EveryPackFile))]
    public void ShippedPack_ModelWrittenAndReadAgain_IsTheSameModel(string file)
    {
        var pack = RulePackLoader.Load(Repo.Path(file)).GetValueOrThrow();
        var model = pack.Definition!;

        var (again, diagnostics) = WriteAndRead(model);

        Assert.Empty(diagnostics);
        AssertSame(model, again);
    }

    [Theory]
    [MemberData(nameof(EveryPackFile))]
    public void ShippedPack_WrittenModel_CompilesToAPackWithTheSameCitations(string file)
    {
        var pack = RulePackLoader.Load(Repo.Path(file)).GetValueOrThrow();
        var (again, diagnostics) = WriteAndRead(pack.Definition!);

        var copy = PackCompiler.Compile(again, new Dictionary<string, string>(), diagnostics, _ => pack.Id);

        Assert.True(copy is not null, string.Join("\n", diagnostics));
        Assert.Equal(pack.Citations.Select(c => (c.RuleId, c.Clause)), copy.Citations.Select(c => (c.RuleId, c.Clause)));
        Assert.Equal(pack.Tiers, copy.Tiers);
    }

    [Property(MaxTest = Models, Replay = Laws.Replay)]
    public Property GeneratedModel_WrittenAndReadAgain_IsTheSameModel()
        => Prop.ForAll(Arb.From(PackModelGenerators.Pack), model =>
        {
            var (again, diagnostics) = WriteAndRead(model);
            Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics) + "\n" + PackWriter.Write(model));
            AssertSame(model, again);
        });

    [Property(MaxTest = 100, Replay = Laws.Replay)]
    public Property GeneratedModel_WrittenTwice_IsTheSameText()
        => Prop.ForAll(Arb.From(PackModelGenerators.Pack), model =>
        {
            var written = PackWriter.Write(model);
            Assert.Equal(written, PackWriter.Write(WriteAndRead(model).Definition));
        });

    [Fact]
    public void Equality_IgnoresWhereADefinitionWasRead_ButNotWhatItSays()
    {
        var model = RulePackLoader.Load(Repo.Rules("holbaek-2024.json")).GetValueOrThrow().Definition!;
        var elsewhere = new Origin(new SourceLocation("elsewhere.json", "$.x", 99, 9));
        var rule = model.Placement.Rules[0];
        var moved = model with { Placement = model.Placement with { Rules = [rule with { Origin = elsewhere, When = rule.When! with { Origin = elsewhere } }, .. model.Placement.Rules.Skip(1)] } };
        var changed = model with { Placement = model.Placement with { Rules = [rule with { When = rule.When! with { Text = rule.When.Text + " and true" } }, .. model.Placement.Rules.Skip(1)] } };

        Assert.Equal(model, moved);
        Assert.Equal(model.GetHashCode(), moved.GetHashCode());
        Assert.NotEqual(model, changed);
        Assert.NotEqual(model, model with { Parameters = [.. model.Parameters.Skip(1)] });
    }

    [Fact]
    public void Write_SectionsInTheFormatsOrder()
    {
        var model = RulePackLoader.Load(Repo.Rules("hoeje-taastrup-2023.json")).GetValueOrThrow().Definition!;
        var (root, error) = JsonText.Parse(PackWriter.Write(model), "<written>");
        Assert.Null(error);

        var names = root!.Properties.Select(p => p.Name).ToList();

        Assert.Equal(PackReader.TopLevel.Where(names.Contains), names);
        Assert.Equal(["id", "version", "title"], names.Take(3));
    }

    private static (PackDefinition Definition, List<Diagnostic> Diagnostics) WriteAndRead(PackDefinition model)
    {
        var written = PackWriter.Write(model);
        var (root, error) = JsonText.Parse(written, "<written>");
        Assert.True(error is null, $"{error}\n{written}");
        var diagnostics = new List<Diagnostic>();
        var read = PackReader.Read(root!, diagnostics);
        Assert.True(read is not null, string.Join("\n", diagnostics));
        return (read.Value.Definition, diagnostics);
    }

    /// <summary>Equal definitions; on a difference, the message names the section and shows both written out.</summary>
    private static void AssertSame(PackDefinition expected, PackDefinition actual)
    {
        if (Equals(expected, actual))
        {
            return;
        }

        var sections = typeof(PackDefinition).GetProperties()
            .Where(p => p.PropertyType != typeof(Origin) && !Equals(p.GetValue(expected), p.GetValue(actual)))
            .Select(p => p.Name);
        Assert.Fail("The model read back differs in " + string.Join(", ", sections) + ".\nWritten:\n" + PackWriter.Write(expected) + "\nRead back and written again:\n" + PackWriter.Write(actual));
    }
}
