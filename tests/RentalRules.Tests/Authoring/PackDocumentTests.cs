using System.Text.RegularExpressions;
using RentalRules.Authoring;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Authoring;

/// <summary>
/// <c>rentalrules doc</c>: the pack as a document to review, in Markdown and as one self-contained printable HTML file
/// checked in headless Chromium; every clause of the pack is in it, conditions are in words, and a draft's changes are
/// marked.
/// </summary>
public sealed partial class PackDocumentTests
{
    [Fact]
    public void Doc_HolbaekAsHtml_RendersEveryClauseIdOfThePack()
    {
        var run = CliRunner.Run("doc", "--pack", "holbaek-2024", "--format", "html");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var html = run.Stdout;
        foreach (var clause in Repo.Pack("holbaek-2024").DeclaredClauses.Select(c => c.Clause))
        {
            Assert.Contains("<td><strong>" + System.Net.WebUtility.HtmlEncode(clause) + "</strong></td>", html, StringComparison.Ordinal);
        }

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalResource().Matches(html));
    }

    [Fact]
    public void Doc_HolbaekAsMarkdown_HasParametersPlacementConditionsInWordsCriteriaAndCoverage()
    {
        var md = PackDocument.ToMarkdown(Repo.Pack("holbaek-2024"), Language.English, PackTestRunner.RunFile(Repo.Rules("holbaek-2024.json")));

        Assert.Contains("| `greenMax` | from 2024-07-01: 30 % | share | § 6 | Upper bound of green (0-30 %), inclusive. |", md, StringComparison.Ordinal);
        Assert.Contains("| 3 | `holbaek-green` | § 6 | the department's share of residents outside the labour market and education is at most greenMax (30 %) `department.keyFigures.outsideLabourMarketShare <= param.greenMax` | **green** | At most 30 % of residents aged 18-64 are without attachment to the labour market (green): every 3rd vacant dwelling is offered for municipal allocation. |", md, StringComparison.Ordinal);
        Assert.Contains("| `red` Red | § 6 | **0** | all, § 6 |  | closed (§ 6) | holbaek-tightened (§ 6) | holbaek-tightened (§ 6) |", md, StringComparison.Ordinal);
        Assert.Contains("| `holbaek-b3-1-convictions` | bilag 3 nr. 1 | No household member (15+) convicted within the last two years under the penal code, the weapons act or the euphoriants act | every member aged 15+ | not (at least one of the member's convictions where the conviction's act is the Penal Code, the Weapons Act or the Euphoriants Act and the conviction's date lies within the last 2 years)", md, StringComparison.Ordinal);
        Assert.Contains("## Interpretations", md, StringComparison.Ordinal);
        Assert.Contains("rules/holbaek-2024.tests.json: 35 cases, 35 passed, 0 failed.", md.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("| **bilag 3 nr. 4** | 1 | Only primary school at 45 fails appendix 3 nr. 4 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_InDanish_UsesDanishLabelsAndTexts()
    {
        var md = PackDocument.ToMarkdown(Repo.Pack("holbaek-2024"), Language.Danish);

        Assert.Contains("## Bestemmelser", md, StringComparison.Ordinal);
        Assert.Contains("afdelingens andel beboere uden for arbejdsmarked og uddannelse er højst greenMax (30 %)", md, StringComparison.Ordinal);
        Assert.Contains("Højst 30 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (grøn)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_Draft_MarksWhatDiffersFromItsBase()
    {
        var draft = Repo.Path("samples", "ComparingDrafts", "drafts", "holbaek-2024-green-35.json");

        var run = CliRunner.Run("doc", draft, "--format", "md");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("## What differs from holbaek-2024", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| **changed by the draft** `parameter:greenMax` | 0.3 → 0.35 |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| **changed by the draft** `greenMax` | from 2024-07-01: 35 % |", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_HtmlInChromium_IsARenderedPageWithTheTitleTheClausesAndTheMarkedChange()
    {
        var dir = Directory.CreateTempSubdirectory("rr-doc-");
        try
        {
            var draft = Repo.Path("samples", "ComparingDrafts", "drafts", "holbaek-2024-green-35.json");
            var file = Path.Combine(dir.FullName, "doc.html");
            var run = CliRunner.Run("doc", "--pack", draft, "--format", "html", "--lang", "en", "--out", file);
            Assert.True(run.ExitCode == 0, run.Stderr);

            var dom = Chromium.DumpDom(file);
            Assert.Contains("<h1>Udkast: Holbæk 2024-2027 med grænsen mellem grøn og gul flyttet til 35 %</h1>", dom, StringComparison.Ordinal);
            Assert.Contains("<h2 id=\"clauses\">Clauses</h2>", dom, StringComparison.Ordinal);
            Assert.Contains("<tr class=\"mark\"><td><span class=\"mark-label\">changed by the draft</span><code>greenMax</code>", dom, StringComparison.Ordinal);

            var png = Path.Combine(dir.FullName, "doc.png");
            Chromium.Screenshot(file, png, 1200, 1600);
            var image = Png.Read(png);
            var total = image.Width * image.Height;
            Assert.Equal((1200, 1600), (image.Width, image.Height));
            Assert.True(image.Count(255, 255, 255) < total * 0.97, "The screenshot is (nearly) blank.");
            Assert.True(image.Count(0x2f, 0x6f, 0x9f) > 1_000, "No title rule or headings (#2f6f9f) in the screenshot.");
            Assert.True(image.Count(0xea, 0xf1, 0xf7) > 5_000, "No table headers (#eaf1f7) in the screenshot.");
            Assert.True(image.Count(0xff, 0xf4, 0xd6) > 2_000, "No marked (changed) rows (#fff4d6) in the screenshot.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--lang", "de")]
    public void Doc_UnknownFormatOrLanguage_IsAUsageError(string option, string value)
    {
        var run = CliRunner.Run("doc", "--pack", "holbaek-2024", option, value);

        Assert.Equal(2, run.ExitCode);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalResource();
}
