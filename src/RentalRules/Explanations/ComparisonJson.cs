using System.Globalization;
using System.Text.Json;
using RentalRules.Analysis;

namespace RentalRules.Explanations;

/// <summary>Writes a <see cref="Comparison"/> as the report's JSON object (exact decimals).</summary>
internal static class ComparisonJson
{
    public static void Write(Utf8JsonWriter w, Comparison comparison)
    {
        var c = comparison;
        w.WriteStartObject();
        w.WriteString("base", c.BaseId);
        w.WriteString("draft", c.DraftId);
        w.WriteString("on", c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("ruleChanges");
        foreach (var r in c.RuleChanges)
        {
            w.WriteStartObject();
            w.WriteString("kind", r.Kind);
            w.WriteString("id", r.Id);
            w.WriteString("change", r.Change);
            w.WriteString("before", r.Before);
            w.WriteString("after", r.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("departments");
        foreach (var d in c.Departments)
        {
            w.WriteStartObject();
            w.WriteString("department", d.DepartmentId);
            w.WriteString("name", d.Name);
            w.WriteString("organisation", d.Organisation);
            w.WriteString("baseTier", d.BaseTier);
            w.WriteString("draftTier", d.DraftTier);
            JsonNumbers.Write(w, "baseMunicipalPerYear", d.BaseMunicipalPerYear);
            JsonNumbers.Write(w, "draftMunicipalPerYear", d.DraftMunicipalPerYear);
            WriteStrings(w, "causedBy", d.CausedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("tierDistribution");
        foreach (var tier in ComparisonDocument.TierOrder(c))
        {
            w.WriteStartObject();
            w.WriteString("tier", tier == ComparisonDocument.NoTier ? null : tier);
            w.WriteNumber("before", ComparisonDocument.DepartmentsIn(c.Base, tier));
            w.WriteNumber("after", ComparisonDocument.DepartmentsIn(c.Draft, tier));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("municipalPerYear");
        w.WriteStartArray("byTier");
        foreach (var tier in ComparisonDocument.TierOrder(c).Where(x => x != ComparisonDocument.NoTier))
        {
            w.WriteStartObject();
            w.WriteString("tier", tier);
            WriteBeforeAfter(w, ComparisonDocument.Municipal(c.Base.ByTier, tier), ComparisonDocument.Municipal(c.Draft.ByTier, tier));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("byOrganisation");
        foreach (var organisation in ComparisonDocument.Organisations(c))
        {
            w.WriteStartObject();
            w.WriteString("organisation", organisation);
            WriteBeforeAfter(w, ComparisonDocument.Municipal(c.Base.ByOrganisation, organisation), ComparisonDocument.Municipal(c.Draft.ByOrganisation, organisation));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("total");
        WriteBeforeAfter(w, c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("notCounted");
        w.WriteNumber("before", c.Base.PerYear.Unknown);
        w.WriteNumber("after", c.Draft.PerYear.Unknown);
        w.WriteEndObject();
        if (c.HouseholdsChecked is { } checkedCount)
        {
            w.WriteNumber("householdsChecked", checkedCount);
        }
        else
        {
            w.WriteNull("householdsChecked");
        }

        w.WriteStartArray("households");
        foreach (var h in c.Households)
        {
            w.WriteStartObject();
            w.WriteString("household", h.HouseholdId);
            w.WriteString("department", h.DepartmentId);
            w.WriteString("route", ResultJson.RouteName(h.Route));
            w.WriteString("before", ResultJson.Name(h.Base));
            w.WriteString("after", ResultJson.Name(h.Draft));
            WriteStrings(w, "causedBy", h.CausedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBeforeAfter(Utf8JsonWriter w, decimal before, decimal after)
    {
        w.WriteNumber("before", JsonNumbers.Exact(before));
        w.WriteNumber("after", JsonNumbers.Exact(after));
        w.WriteNumber("difference", JsonNumbers.Exact(after - before));
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStringValue(i);
        }

        w.WriteEndArray();
    }
}
