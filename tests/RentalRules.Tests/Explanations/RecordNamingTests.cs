using RentalRules.Facts;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// How an explanation names one record by the glossary's template (<c>dom[ efter {act}][ af {date}]</c>): a part in
/// brackets only when every field in it is known, the fields filled from the record, in both languages.
/// </summary>
public sealed class RecordNamingTests
{
    [Fact]
    public void Describe_AConvictionWithActAndDate_NamesBoth()
    {
        var fields = new Dictionary<string, string?> { ["act"] = "straffeloven", ["date"] = "2024-11-03" };

        Assert.Equal("dom efter straffeloven af 2024-11-03", FactGlossary.Describe(FactSchema.Conviction, Language.Danish, f => fields.GetValueOrDefault(f)));
    }

    [Fact]
    public void Describe_AConvictionWithoutAnAct_LeavesOutOnlyThatPart()
    {
        var fields = new Dictionary<string, string?> { ["act"] = null, ["date"] = "2024-11-03" };

        Assert.Equal("conviction of 2024-11-03", FactGlossary.Describe(FactSchema.Conviction, Language.English, f => fields.GetValueOrDefault(f)));
    }

    [Fact]
    public void Describe_AnEmploymentKnownInPart_SaysTheKnownPartsInTheirOrder()
    {
        // employment[ as {kind}][, {hoursPerWeek} hours a week][, {monthlyGrossIncome} DKK a month][ {period}]
        var fields = new Dictionary<string, string?> { ["kind"] = "employee", ["monthlyGrossIncome"] = "9,000", ["period"] = "from 2024-01-01 (ongoing)" };
        var asked = new List<string>();

        var named = FactGlossary.Describe(FactSchema.Employment, Language.English, f =>
        {
            asked.Add(f);
            return fields.GetValueOrDefault(f);
        });

        Assert.Equal("employment as employee, 9,000 DKK a month from 2024-01-01 (ongoing)", named);
        Assert.Equal(["kind", "hoursPerWeek", "monthlyGrossIncome", "period"], asked);
    }

    [Fact]
    public void Describe_NothingKnown_SaysOnlyTheNoun()
    {
        Assert.Equal("ansættelse", FactGlossary.Describe(FactSchema.Employment, Language.Danish, _ => null));
        Assert.Equal("enrolment", FactGlossary.Describe(FactSchema.Enrollment, Language.English, _ => null));
    }

    [Fact]
    public void Describe_TheSameTemplateOnManyThreads_NamesEachRecordItsOwn()
    {
        // The parsed templates are shared and the text is built in a per-thread buffer: no thread sees another's record.
        Parallel.For(0, 2000, i =>
        {
            var date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var named = FactGlossary.Describe(FactSchema.Conviction, Language.English, f => f == "date" ? date : "the Penal Code");
            Assert.Equal($"conviction under the Penal Code of {date}", named);
        });
    }
}
