using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules.Evaluation;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Packs round-trip through <see cref="JNodeWriter"/>: parsing a written tree gives the same tree (same property order,
/// same number text), and a pack loaded from the written text behaves exactly like the original.
/// </summary>
public sealed class PackRoundTripTests
{
    private const int Departments = 500;
    private const int Trees = 500;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (RulePack, RulePack)> Copies = new(StringComparer.Ordinal);

    private static readonly SourceLocation Nowhere = new("<generated>", "$", 1, 1);

    public static TheoryData<string> ShippedPacks() => [.. Laws.ShippedPackIds];

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void ShippedPack_WrittenAndParsedAgain_IsTheSameTree(string packId)
    {
        var original = Parse(File.ReadAllText(Repo.Rules(packId + ".json")));
        var written = JNodeWriter.Write(original);
        var reparsed = Parse(written);

        AssertSameTree(original, reparsed);
        Assert.Equal(written, JNodeWriter.Write(reparsed));
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void ShippedPack_LoadedFromWrittenText_HasTheSameCitations(string packId)
    {
        var (original, copy) = OriginalAndCopy(packId);
        Assert.Equal(original.Citations, copy.Citations);
    }

    [Property(MaxTest = Departments, Replay = Laws.Replay)]
    public Property ShippedPack_LoadedFromWrittenText_PlacesRandomDepartmentsIdentically()
    {
        var cases = Arb.From(
            from packId in Gen.Elements(Laws.ShippedPackIds.ToArray())
            from department in FactGenerators.Department
            from day in FactGenerators.EvaluationDate
            select (packId, department, day));
        return Prop.ForAll(cases, c =>
            {
                var (original, copy) = OriginalAndCopy(c.packId);
                var expected = original.Place(new PlacementRequest(c.department, c.day));
                var actual = copy.Place(new PlacementRequest(c.department, c.day));
                Assert.Equal(expected.Outcome, actual.Outcome);
                Assert.Equal(expected.Tier, actual.Tier);
                Assert.Equal(expected.MunicipalShare, actual.MunicipalShare);
                Assert.Equal(expected.Explanation.Select(e => e.RuleId), actual.Explanation.Select(e => e.RuleId));
                Assert.Equal(PlacementPropertiesTests.Describe(expected), PlacementPropertiesTests.Describe(actual));
            });
    }

    /// <summary>A shipped pack loaded from its file, and loaded again from the text <see cref="JNodeWriter"/> writes of it.</summary>
    private static (RulePack Original, RulePack Copy) OriginalAndCopy(string packId)
        => Copies.GetOrAdd(packId, id =>
        {
            var path = Repo.Rules(id + ".json");
            var written = JNodeWriter.Write(Parse(File.ReadAllText(path)));
            return (RulePackLoader.Load(path).GetValueOrThrow(), RulePackLoader.LoadFromText(written, id + ".json", Laws.ResolveShippedBase).GetValueOrThrow());
        });

    [Property(MaxTest = Trees, Replay = Laws.Replay)]
    public Property RandomTree_WrittenAndParsedAgain_IsTheSameTree()
    {
        return Prop.ForAll(Arb.From(TreeOfDepth(6)), tree =>
            {
                var written = JNodeWriter.Write(tree);
                var (parsed, error) = JsonText.Parse(written, "<written>");
                Assert.True(error is null, $"{error}\n{written}");
                AssertSameTree(tree, parsed!);
                Assert.Equal(written, JNodeWriter.Write(parsed!));
            });
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("0.30")]
    [InlineData("-1.5E+3")]
    [InlineData("\"a \\\"quoted\\\" \\\\ line\\nbreak\\u0001 æøå 😀\"")]
    [InlineData("{\"$schema\": \"x\", \"b\": [1, {}, []], \"a\": null}")]
    public void Write_KnownValues_ParsesBackToTheSameTree(string json)
    {
        var tree = Parse(json);
        AssertSameTree(tree, Parse(JNodeWriter.Write(tree)));
    }

    [Fact]
    public void Write_NestedValue_IsIndentedByTwoSpacesInPropertyOrder()
    {
        var written = JNodeWriter.Write(Parse("{\"b\": [1, 2.50], \"a\": {\"x\": true, \"y\": {}}, \"c\": \"é\\t\"}"));
        Assert.Equal("{\n  \"b\": [\n    1,\n    2.50\n  ],\n  \"a\": {\n    \"x\": true,\n    \"y\": {}\n  },\n  \"c\": \"é\\t\"\n}\n", written);
    }

    private static JNode Parse(string text)
    {
        var (node, error) = JsonText.Parse(text, "<test>");
        Assert.True(error is null, error?.ToString());
        return node!;
    }

    /// <summary>Same kinds, same texts, same property names in the same order, same items; locations are ignored.</summary>
    private static void AssertSameTree(JNode expected, JNode actual)
    {
        Assert.True(expected.Kind == actual.Kind, $"{actual.Path}: {actual.Kind}, expected {expected.Kind}");
        Assert.True(expected.Text == actual.Text, $"{actual.Path}: '{actual.Text}', expected '{expected.Text}'");
        Assert.Equal(expected.Properties.Select(p => p.Name), actual.Properties.Select(p => p.Name));
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (var i = 0; i < expected.Properties.Count; i++)
        {
            AssertSameTree(expected.Properties[i].Value, actual.Properties[i].Value);
        }

        for (var i = 0; i < expected.Items.Count; i++)
        {
            AssertSameTree(expected.Items[i], actual.Items[i]);
        }
    }

    #region Generators

    /// <summary>Text of any valid UTF-16 (no lone surrogates): ASCII, control characters, quotes, backslashes, Danish letters, emoji.</summary>
    private static Gen<string> Text => Gen.ArrayOf(Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7e).Select(i => ((char)i).ToString())),
            (1, Gen.Choose(0, 0x1f).Select(i => ((char)i).ToString())),
            (1, Gen.Elements("\"", "\\", "/", "æ", "ø", "å", "Æ", "§", "≤", "\u2028", "\u00a0", "\uFEFF", "😀", "\U0001F3E0", "\u007f"))))
        .Select(parts => string.Concat(parts));

    /// <summary>Numbers as JSON writes them: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, kept as text.</summary>
    private static Gen<string> NumberText =>
        from minus in Gen.Elements("", "", "-")
        from integer in Gen.Frequency((1, Gen.Constant("0")), (3, from first in Gen.Choose(1, 9) from rest in Digits(0, 20) select first + rest))
        from fraction in Gen.Frequency((1, Gen.Constant("")), (1, Digits(1, 12).Select(d => "." + d)))
        from exponent in Gen.Frequency((3, Gen.Constant("")), (1, from e in Gen.Elements("e", "E") from sign in Gen.Elements("", "+", "-") from d in Digits(1, 3) select e + sign + d))
        select minus + integer + fraction + exponent;

    private static Gen<string> Digits(int min, int max)
        => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9).Select(d => (char)('0' + d)), n)).Select(cs => new string(cs));

    private static Gen<JNode> TreeOfDepth(int depth)
    {
        var leaf = Gen.OneOf(
            Text.Select(t => new JNode(JKind.String, Nowhere, t)),
            NumberText.Select(t => new JNode(JKind.Number, Nowhere, t)),
            Gen.Elements(JKind.True, JKind.False, JKind.Null).Select(k => new JNode(k, Nowhere)));
        if (depth == 0)
        {
            return leaf;
        }

        var sub = TreeOfDepth(depth - 1);
        var array = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(sub, n)).Select(items => new JNode(JKind.Array, Nowhere, items: items));
        var obj =
            from n in Gen.Choose(0, 4)
            from names in Gen.ListOf(Gen.OneOf(Text, Gen.Elements("id", "$schema", "when", "a.b", "x y", "")), n)
            from values in Gen.ListOf(sub, n)
            select new JNode(
                JKind.Object,
                Nowhere,
                properties: names.Zip(values).DistinctBy(p => p.First, StringComparer.Ordinal).Select(p => new JProperty(p.First, -1, p.Second)).ToList());
        return Gen.Frequency((2, leaf), (1, array), (1, obj));
    }

    #endregion
}
