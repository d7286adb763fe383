using System.Globalization;
using System.Text;

namespace RentalRules.Explanations;

/// <summary>Writes a <see cref="BarChartData"/> as inline SVG: a title, a description, a legend, a grid and a number on every bar.</summary>
internal static class SvgBarChart
{
    /// <summary>Grouped bars (before, after) with a number on every bar; the only <c>rect</c> elements are the bars.</summary>
    public static void Write(StringBuilder sb, BarChartData chart, ComparisonWords t)
    {
        var (id, title, groups, whole) = (chart.Id, chart.Title, chart.Groups, chart.Whole);
        const int width = 760, height = 330, left = 56, right = 16, top = 52, bottom = 56;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = groups.Count == 0 ? 0m : groups.Max(g => Math.Max(g.Before, g.After));
        var scaleMax = whole ? Math.Max(4, NiceCeiling(max)) : NiceCeiling(max);
        string Format(decimal value) => whole ? value.ToString("0", CultureInfo.InvariantCulture) : t.Number(value);
        var beforeName = chart.BeforeName;
        var afterName = chart.AfterName;
        var desc = string.Join("; ", groups.Select(g => $"{g.Label}: {Format(g.Before)} {t["before", "før"]}, {Format(g.After)} {t["after", "efter"]}")) + ".";

        sb.Append("<figure>");
        sb.Append("<svg class=\"chart\" id=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(I(width)).Append(' ').Append(I(height)).Append("\" width=\"").Append(I(width)).Append("\" height=\"").Append(I(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).AppendLine("-desc\">");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(ComparisonHtml.HtmlText(title)).AppendLine("</title>");
        sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(ComparisonHtml.HtmlText(desc)).AppendLine("</desc>");

        // Legend: squares drawn as paths, so that the bars are the chart's only rectangles.
        sb.Append("<g class=\"legend\">");
        sb.Append("<path class=\"before\" d=\"M").Append(I(left)).Append(" 14h12v12h-12z\"/>");
        sb.Append("<text x=\"").Append(I(left + 18)).Append("\" y=\"24\">").Append(ComparisonHtml.HtmlText(beforeName)).Append("</text>");
        var afterX = left + 40 + (int)Math.Min(320, beforeName.Length * 7);
        sb.Append("<path class=\"after\" d=\"M").Append(I(afterX)).Append(" 14h12v12h-12z\"/>");
        sb.Append("<text x=\"").Append(I(afterX + 18)).Append("\" y=\"24\">").Append(ComparisonHtml.HtmlText(afterName)).Append("</text>");
        sb.AppendLine("</g>");

        // Grid and axis labels.
        sb.Append("<g class=\"y-axis\">");
        for (var i = 0; i <= 4; i++)
        {
            var value = scaleMax * i / 4;
            var y = top + plotHeight - (plotHeight * i / 4m);
            sb.Append("<line class=\"").Append(i == 0 ? "axis" : "grid").Append("\" x1=\"").Append(I(left)).Append("\" x2=\"").Append(I(width - right))
                .Append("\" y1=\"").Append(D(y)).Append("\" y2=\"").Append(D(y)).Append("\"/>");
            sb.Append("<text x=\"").Append(I(left - 6)).Append("\" y=\"").Append(D(y + 4)).Append("\" text-anchor=\"end\">")
                .Append(ComparisonHtml.HtmlText(value == decimal.Truncate(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture))).Append("</text>");
        }

        sb.AppendLine("</g>");

        var groupWidth = groups.Count == 0 ? 0m : (decimal)plotWidth / groups.Count;
        var barWidth = Math.Min(56m, groupWidth * 0.36m);
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            var centre = left + (groupWidth * gi) + (groupWidth / 2);
            sb.Append("<g class=\"group\">");
            foreach (var (value, cls, x, name) in new[] { (g.Before, "before", centre - barWidth - 2, beforeName), (g.After, "after", centre + 2, afterName) })
            {
                var barHeight = scaleMax == 0 ? 0m : plotHeight * value / scaleMax;
                var y = top + plotHeight - barHeight;
                sb.Append("<rect class=\"bar ").Append(cls).Append("\" x=\"").Append(D(x)).Append("\" y=\"").Append(D(y))
                    .Append("\" width=\"").Append(D(barWidth)).Append("\" height=\"").Append(D(barHeight)).Append("\">")
                    .Append("<title>").Append(ComparisonHtml.HtmlText($"{g.Label}, {name}: {Format(value)}")).Append("</title></rect>");
                sb.Append("<text class=\"value\" x=\"").Append(D(x + (barWidth / 2))).Append("\" y=\"").Append(D(y - 5)).Append("\" text-anchor=\"middle\">")
                    .Append(ComparisonHtml.HtmlText(Format(value))).Append("</text>");
            }

            sb.Append("<text class=\"label\" x=\"").Append(D(centre)).Append("\" y=\"").Append(I(top + plotHeight + 20)).Append("\" text-anchor=\"middle\">")
                .Append(ComparisonHtml.HtmlText(g.Label)).Append("</text>");
            sb.AppendLine("</g>");
        }

        sb.AppendLine("</svg>");
        sb.Append("<figcaption>").Append(ComparisonHtml.HtmlText(title)).AppendLine("</figcaption>");
        sb.AppendLine("</figure>");
    }

    /// <summary>A round upper bound for an axis with 4 steps: each step 1, 2, 3 or 5 times a power of ten (4 for 0).</summary>
    private static decimal NiceCeiling(decimal max)
    {
        if (max <= 0)
        {
            return 4;
        }

        var rough = max / 4;
        var power = 1m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }

        while (power > rough && power > 0.01m)
        {
            power /= 10;
        }

        foreach (var step in new[] { 1m, 2m, 3m, 5m, 10m })
        {
            if (power * step >= rough)
            {
                return power * step * 4;
            }
        }

        return power * 40;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
