using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using RentalRules.Analysis;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// <see cref="ComparisonReport"/> on a Holbæk draft moving <c>greenMax</c> to 35 % over a small fictional portfolio
/// (<c>Analysis/Fixtures/holbaek-portfolio.csv</c>) and the sample households: Markdown and JSON pinned as snapshots,
/// the HTML checked as a page in headless Chromium (DOM and screenshot), and text from packs and facts escaped.
/// </summary>
public sealed partial class ComparisonReportTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    internal static IReadOnlyList<Department> ComparePortfolio()
    {
        var path = Repo.Path("tests", "RentalRules.Tests", "Analysis", "Fixtures", "holbaek-portfolio.csv");
        return FactReader.ReadDepartmentsCsv(File.ReadAllText(path), path).GetValueOrThrow().Items;
    }

    internal static Comparison Compare(bool withHouseholds = true)
    {
        using var folder = new DraftFolder();
        return PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), ComparePortfolio(), withHouseholds ? Analysis.ComparisonTests.Households() : null, On);
    }

    internal static string Json(Comparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ComparisonReport.Json(w, comparison);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    #region Markdown and JSON snapshots

    [Fact]
    public void Markdown_InEnglish_MatchesSnapshot()
        => Snapshot.Match(ComparisonReport.Markdown(Compare(), Language.English), "Holbaek_GreenMax35_Comparison.en", "md");

    [Fact]
    public void Markdown_InDanish_MatchesSnapshot()
        => Snapshot.Match(ComparisonReport.Markdown(Compare(), Language.Danish), "Holbaek_GreenMax35_Comparison.da", "md");

    [Fact]
    public void Markdown_InDanish_WritesTierLabelsDanishNumbersAndSharesInPerCent()
    {
        // A Danish memo: "Grøn" where check says Grøn, not the id green; 2,00 not 2.00; greenMax as 30 % → 35 %.
        var markdown = ComparisonReport.Markdown(Compare(), Language.Danish);

        Assert.Contains("| parameter | `greenMax` | ændret (30 % → 35 %) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `HB-GUL` | Fiktiv Gulvangen | Boligselskabet Sjælland | Gul | Grøn | 2,00 | 4,00 | `parameter:greenMax` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Alle afdelinger | 12,50 | 14,50 | +2,00 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| green |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_MatchesSnapshot()
        => Snapshot.Match(Json(Compare()), "Holbaek_GreenMax35_Comparison", "json");

    [Fact]
    public void Markdown_DepartmentAt33Percent_ShowsYellowToGreenCausedByGreenMax()
    {
        var markdown = ComparisonReport.Markdown(Compare(), Language.English);

        Assert.Contains("| `HB-GUL` | Fiktiv Gulvangen | Boligselskabet Sjælland | Yellow | Green | 2.00 | 4.00 | `parameter:greenMax` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| All departments | 12.50 | 14.50 | +2.00 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WithoutHouseholds_HasNoApplicantSection()
    {
        var markdown = ComparisonReport.Markdown(Compare(withHouseholds: false), Language.English);

        Assert.DoesNotContain("Applicants whose eligibility changes", markdown, StringComparison.Ordinal);
        Assert.Contains("## Municipal allocations per year", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasEverySectionWithExactNumbers()
    {
        using var json = JsonDocument.Parse(Json(Compare()));
        var root = json.RootElement;

        Assert.Equal("holbaek-2024", root.GetProperty("base").GetString());
        Assert.Equal("holbaek-2024-green35", root.GetProperty("draft").GetString());
        Assert.Equal("parameter", root.GetProperty("ruleChanges")[0].GetProperty("kind").GetString());
        var department = Assert.Single(root.GetProperty("departments").EnumerateArray());
        Assert.Equal(["parameter:greenMax"], department.GetProperty("causedBy").EnumerateArray().Select(e => e.GetString()));
        var total = root.GetProperty("municipalPerYear").GetProperty("total");
        Assert.Equal("12.5", total.GetProperty("before").GetRawText());
        Assert.Equal("14.5", total.GetProperty("after").GetRawText());
        Assert.Equal("2", total.GetProperty("difference").GetRawText());
        Assert.Equal(3, root.GetProperty("householdsChecked").GetInt32());
        Assert.NotEqual(0, root.GetProperty("households").GetArrayLength());
    }

    #endregion

    #region Escaping

    [Fact]
    public void Html_TextFromFactsAndPacks_IsEncoded()
    {
        var hostile = Build.Department("<img src=x onerror=alert(1)>", outsideLabourMarketShare: 0.33m) with { Name = "\"Quoted\" & <b>bold</b>", Organisation = "A | B's" };
        using var folder = new DraftFolder();
        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [hostile], null, On);

        var html = ComparisonReport.Html(comparison, Language.English);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;Quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A | B&#39;s", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_TextFromFacts_CannotBreakTheTable()
    {
        var odd = Build.Department("HB|1", outsideLabourMarketShare: 0.33m) with { Name = "Line\nbreak *and* <html>", Organisation = "A | B" };
        using var folder = new DraftFolder();
        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [odd], null, On);

        var markdown = ComparisonReport.Markdown(comparison, Language.English);

        Assert.Contains("| HB\\|1 | Line break \\*and\\* &lt;html&gt; | A \\| B | Yellow | Green |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsOneSelfContainedFileWithoutScripts()
    {
        var html = ComparisonReport.Html(Compare(), Language.English);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["http://www.w3.org/2000/svg"], Urls().Matches(html).Select(m => m.Value).Distinct());
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    #endregion

    #region In a browser

    [Fact]
    public void Html_RenderedInChromium_HasTheTitleTwoChartsAndTheirBarsAndLabels()
    {
        using var dir = new TempDir();
        var file = dir.Write("report.html", ComparisonReport.Html(Compare(), Language.English));

        var dom = Chromium.DumpDom(file);

        Assert.Contains("<title>Comparison: draft holbaek-2024-green35 against holbaek-2024</title>", dom, StringComparison.Ordinal);
        Assert.Contains("<h1>Comparison: draft holbaek-2024-green35 against holbaek-2024</h1>", dom, StringComparison.Ordinal);
        var charts = Svg().Matches(dom).ToList();
        Assert.Equal(2, charts.Count);

        // Departments per tier, named by their labels: Green, Yellow, Uncoloured, Red — a bar before and after each.
        var tiers = charts.Single(c => c.Value.Contains("id=\"chart-tiers\"", StringComparison.Ordinal)).Value;
        Assert.Equal(8, Rects().Count(tiers));
        Assert.Contains("<title id=\"chart-tiers-title\">Departments per tier, before and after</title>", tiers, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-tiers-desc\">Green: 1 before, 2 after; Yellow: 2 before, 1 after; Uncoloured: 1 before, 1 after; Red: 1 before, 1 after.</desc>", tiers, StringComparison.Ordinal);
        Assert.Equal(["Green", "Yellow", "Uncoloured", "Red"], Labels(tiers));

        // Municipal allocations per year: the four tiers and the total, before and after, with the numbers on the bars.
        var municipal = charts.Single(c => c.Value.Contains("id=\"chart-municipal\"", StringComparison.Ordinal)).Value;
        Assert.Equal(10, Rects().Count(municipal));
        Assert.Equal(["Green", "Yellow", "Uncoloured", "Red", "Total"], Labels(municipal));
        Assert.Equal(["8.00", "12.00", "3.50", "1.50", "1.00", "1.00", "0.00", "0.00", "12.50", "14.50"], Values(municipal));
        Assert.Contains("Before (holbaek-2024)", municipal, StringComparison.Ordinal);
        Assert.Contains("After (holbaek-2024-green35)", municipal, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ScreenshotInChromium_IsARenderedPageWithBothBarColours()
    {
        using var dir = new TempDir();
        var file = dir.Write("report.html", ComparisonReport.Html(Compare(), Language.English));
        var empty = dir.Write("empty.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>empty</title></head><body></body></html>");
        var png = Path.Combine(dir.Path, "report.png");
        var blank = Path.Combine(dir.Path, "empty.png");

        Chromium.Screenshot(file, png, 1200, 1600);
        Chromium.Screenshot(empty, blank, 1200, 1600);

        Assert.True(new FileInfo(png).Length > 20_000, $"The screenshot is only {new FileInfo(png).Length} bytes.");
        var image = Png.Read(png);
        var emptyImage = Png.Read(blank);
        Assert.Equal((1200, 1600), (image.Width, image.Height));
        var total = image.Width * image.Height;
        Assert.Equal(total, emptyImage.Count(255, 255, 255));           // the empty page is all white …
        Assert.True(image.Count(255, 255, 255) < total * 0.97, "The screenshot is (nearly) blank."); // … the report is not
        Assert.True(image.Count(0x4e, 0x79, 0xa7) > 2_000, "No 'before' bars (#4e79a7) in the screenshot.");
        Assert.True(image.Count(0xe1, 0x57, 0x59) > 2_000, "No 'after' bars (#e15759) in the screenshot.");
    }

    #endregion

    private static List<string> Labels(string svg) => Texts(svg, "label");

    private static List<string> Values(string svg) => Texts(svg, "value");

    private static List<string> Texts(string svg, string cls)
        => Regex.Matches(svg, $"<text class=\"{cls}\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("<rect\\b")]
    private static partial Regex Rects();

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Urls();

    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rr-report-");

        public string Path => _dir.FullName;

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(_dir.FullName, name);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose()
        {
            try
            {
                _dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder does not fail a test.
            }
        }
    }
}
