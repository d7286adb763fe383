using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>RulePackLoader.LoadFromStream and LoadFromResource: the same packs as from files, every problem as a diagnostic.</summary>
public sealed class RulePackLoaderStreamTests
{
    private static Stream? ShippedStream(string id)
    {
        var path = Repo.Rules(id + ".json");
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    [Fact]
    public void LoadFromStream_ShippedPackWithItsBases_IsThePackLoadedFromTheFile()
    {
        using var stream = File.OpenRead(Repo.Rules("holbaek-2024.json"));

        var result = RulePackLoader.LoadFromStream(stream, "holbaek-2024.json", ShippedStream);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var fromFile = Repo.Pack("holbaek-2024");
        Assert.Equal(fromFile.Extends, result.Value!.Extends);
        Assert.Equal(fromFile.Citations, result.Value.Citations);
        Assert.Equal(fromFile.Tiers, result.Value.Tiers);
    }

    [Fact]
    public void LoadFromStream_CallersStream_IsLeftOpen()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(Repo.Rules("dk-baseline.json")));

        RulePackLoader.LoadFromStream(stream, "dk-baseline.json").GetValueOrThrow();

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void LoadFromStream_ByteOrderMark_IsAllowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(Repo.Rules("dk-baseline.json"))).ToArray();

        var result = RulePackLoader.LoadFromStream(new MemoryStream(bytes), "dk-baseline.json");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void LoadFromStream_BaseNotResolvable_ReturnsRR0107WithAHintForStreams()
    {
        var json = File.ReadAllText(Repo.Rules("holbaek-2024.json")).Replace("\"dk-statutory-restrictions\"", "\"dk-statutory-restriction\"", StringComparison.Ordinal);

        var result = RulePackLoader.LoadFromStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), "holbaek-2024.json");

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("holbaek-2024.json:9:5: error RR0107: The base pack 'dk-statutory-restriction' cannot be found. (at $.extends[0]) Hint: Return a stream for 'dk-statutory-restriction' from resolveBase. Or name a built-in pack (did you mean 'dk-statutory-restrictions'?); RulePackLoader.BuiltInPacks lists them, and so does 'rentalrules packs'.", d.ToString());
    }

    [Fact]
    public void LoadFromStream_InvalidBase_IsLocatedInTheBasesName()
    {
        using var stream = File.OpenRead(Repo.Rules("holbaek-2024.json"));

        var result = RulePackLoader.LoadFromStream(stream, "holbaek-2024.json", id => id == "dk-statutory-restrictions" ? new MemoryStream("{ \"id\": "u8.ToArray()) : ShippedStream(id));

        Assert.False(result.Success);
        Assert.Equal("dk-statutory-restrictions.json", Assert.Single(result.Diagnostics).Location.File);
        Assert.Equal(DiagnosticCodes.JsonSyntax, result.Diagnostics[0].Code);
    }

    [Fact]
    public void LoadFromStream_StreamFailsWhileRead_ReturnsRR0002()
    {
        var result = RulePackLoader.LoadFromStream(new FailingStream(), "blob://packs/holbaek-2024.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileUnreadable, d.Code);
        Assert.Equal("Cannot read the pack: the disk went away", d.Message);
        Assert.Equal("blob://packs/holbaek-2024.json", d.Location.File);
    }

    [Fact]
    public void LoadFromResource_EmbeddedPack_ResolvesItsBasesAsResourcesOfTheSameScheme()
    {
        var result = RulePackLoader.LoadFromResource(typeof(RulePackLoaderStreamTests).Assembly, "RentalRules.Tests.Rules.hoeje-taastrup-2023.json");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(["dk-statutory-restrictions", "dk-baseline"], result.Value!.Extends);
        Assert.Equal(Repo.Pack("hoeje-taastrup-2023").Citations, result.Value.Citations);
    }

    [Fact]
    public void LoadFromResource_MissingResource_ReturnsRR0002WithDidYouMean()
    {
        var result = RulePackLoader.LoadFromResource(typeof(RulePackLoaderStreamTests).Assembly, "RentalRules.Tests.Rules.holbæk-2024.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileUnreadable, d.Code);
        Assert.Equal("The assembly RentalRules.Tests has no resource 'RentalRules.Tests.Rules.holbæk-2024.json'.", d.Message);
        Assert.Equal("Embed the pack with <EmbeddedResource Include=\"…\" /> and use its manifest resource name. Did you mean 'RentalRules.Tests.Rules.holbaek-2024.json'?", d.Hint);
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the disk went away");

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
