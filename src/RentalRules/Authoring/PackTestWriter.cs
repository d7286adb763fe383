using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Explanations;

namespace RentalRules.Authoring;

/// <summary>
/// Renders pack test reports as readable text (what <c>rentalrules test</c> prints) or JSON (<c>--json</c>). Never decides anything.
/// Stateless: safe to call from any thread.
/// </summary>
public static class PackTestWriter
{
    /// <summary>The reports as text: per pack its cases (PASS/FAIL with expected and actual), coverage per clause, base cases a draft changes, and diagnostics.</summary>
    /// <param name="reports">The reports, in order.</param>
    /// <returns>The text.</returns>
    public static string ToText(IReadOnlyList<PackTestReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var s = new StringBuilder();
        foreach (var report in reports)
        {
            s.Append(report.Pack);
            if (report.Status.Length > 0)
            {
                s.Append(" (").Append(report.Status).Append(')');
            }

            if (report.TestsFile is not null)
            {
                s.Append(" — ").Append(report.TestsFile);
            }

            s.AppendLine();
            foreach (var c in report.Cases)
            {
                WriteCase(s, c.Passed ? "PASS" : "FAIL", c);
            }

            if (report.Cases.Count > 0)
            {
                var failed = report.Cases.Count(c => !c.Passed);
                s.AppendLine(Invariant($"  {report.Cases.Count} {Plural(report.Cases.Count, "case", "cases")}: {report.Cases.Count - failed} passed, {failed} failed"));
            }

            foreach (var run in report.BaseRuns)
            {
                var changed = run.Cases.Count(c => !c.Passed);
                s.AppendLine();
                s.AppendLine(Invariant($"  The base pack {run.Pack}'s cases on this draft ({run.TestsFile}): {changed} of {run.Cases.Count} now {(changed == 1 ? "answers" : "answer")} differently"));
                foreach (var c in run.Cases.Where(c => !c.Passed))
                {
                    WriteCase(s, "CHANGED", c);
                }
            }

            if (report.Coverage.Count > 0)
            {
                s.AppendLine();
                s.AppendLine("  Clause coverage");
                var width = Math.Max("clause".Length, report.Coverage.Max(c => c.Clause.Length));
                s.Append("  ").Append("clause".PadRight(width)).AppendLine("  cases");
                foreach (var c in report.Coverage)
                {
                    s.Append("  ").Append(c.Clause.PadRight(width)).Append("  ")
                        .AppendLine(c.Cases.Count == 0 ? "0  no case cites it" : c.Cases.Count.ToString(CultureInfo.InvariantCulture));
                }
            }

            foreach (var d in report.Diagnostics.Where(d => d.Severity != Severity.Info))
            {
                s.AppendLine(d.ToString());
            }

            s.AppendLine();
        }

        var passed = reports.Count(r => r.Passed);
        s.AppendLine(Invariant($"{reports.Count} {Plural(reports.Count, "pack", "packs")}: {passed} passed, {reports.Count - passed} failed"));
        return s.ToString();
    }

    /// <summary>The reports as JSON: <c>passed</c> and <c>packs[]</c> with <c>cases[]</c> (<c>name</c>, <c>clauses</c>, <c>passed</c>, <c>differences[]</c> of <c>what</c>, <c>expected</c>, <c>actual</c>), <c>coverage[]</c>, <c>uncovered</c>, <c>base[]</c> and <c>diagnostics[]</c>.</summary>
    /// <param name="reports">The reports, in order.</param>
    /// <returns>The JSON text (indented).</returns>
    public static string ToJson(IReadOnlyList<PackTestReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteBoolean("passed", reports.All(r => r.Passed));
            w.WriteStartArray("packs");
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("pack", r.Pack);
                w.WriteString("status", r.Status);
                w.WriteString("tests", r.TestsFile);
                w.WriteBoolean("passed", r.Passed);
                w.WriteStartArray("cases");
                foreach (var c in r.Cases)
                {
                    WriteCase(w, c);
                }

                w.WriteEndArray();
                w.WriteStartArray("coverage");
                foreach (var c in r.Coverage)
                {
                    w.WriteStartObject();
                    w.WriteString("clause", c.Clause);
                    w.WriteString("source", c.Source);
                    w.WriteStartArray("cases");
                    foreach (var name in c.Cases)
                    {
                        w.WriteStringValue(name);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("uncovered");
                foreach (var u in r.Uncovered)
                {
                    w.WriteStringValue(u);
                }

                w.WriteEndArray();
                w.WriteStartArray("base");
                foreach (var run in r.BaseRuns)
                {
                    w.WriteStartObject();
                    w.WriteString("pack", run.Pack);
                    w.WriteString("tests", run.TestsFile);
                    w.WriteStartArray("cases");
                    foreach (var c in run.Cases)
                    {
                        WriteCase(w, c);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("diagnostics");
                foreach (var d in r.Diagnostics)
                {
                    ResultJson.WriteDiagnostic(w, d);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCase(StringBuilder s, string verdict, PackTestCaseResult c)
    {
        s.Append("  ").Append(verdict.PadRight(5)).Append(' ').Append(c.Name).Append("  [").Append(string.Join("; ", c.Clauses)).Append(']');
        if (!c.Passed)
        {
            s.Append("  ").Append(c.Location);
        }

        s.AppendLine();
        if (c.Differences.Count == 0)
        {
            return;
        }

        var width = c.Differences.Max(d => d.What.Length);
        var pad = new string(' ', 10 + width);
        foreach (var d in c.Differences)
        {
            s.Append("          ").Append(d.What.PadRight(width)).Append("  expected: ").AppendLine(d.Expected);
            s.Append(pad).Append("  actual:   ").AppendLine(d.Actual);
        }

        if (c.CausedBy.Count > 0)
        {
            s.Append("          caused by the draft's ").AppendLine(string.Join(", ", c.CausedBy));
        }
    }

    private static void WriteCase(Utf8JsonWriter w, PackTestCaseResult c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteStartArray("clauses");
        foreach (var clause in c.Clauses)
        {
            w.WriteStringValue(clause);
        }

        w.WriteEndArray();
        w.WriteBoolean("passed", c.Passed);
        w.WriteString("location", c.Location.ToString());
        w.WriteStartArray("differences");
        foreach (var d in c.Differences)
        {
            w.WriteStartObject();
            w.WriteString("what", d.What);
            w.WriteString("expected", d.Expected);
            w.WriteString("actual", d.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (c.CausedBy.Count > 0)
        {
            w.WriteStartArray("causedBy");
            foreach (var x in c.CausedBy)
            {
                w.WriteStringValue(x);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
