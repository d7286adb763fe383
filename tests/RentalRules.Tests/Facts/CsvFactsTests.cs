using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace RentalRules.Tests.Facts;

public sealed class CsvFactsTests
{
    private const string Header = "id,name,dwellings,turnoverRate,designation,rehousing,flags,keyFigures.outsideLabourMarketShare\n";

    [Fact]
    public void ReadDepartmentsCsv_DanishExcelFile_SemicolonsDecimalCommasAndByteOrderMark_IsRead()
    {
        var csv = "\uFEFF" + Header.Replace(',', ';') + "D-1;\"Fiktiv; A\";300;0,08;none;false;particularProblems,other;0,25\r\n";

        var file = FactReader.ReadDepartmentsCsv(csv, "portefølje.csv").GetValueOrThrow();

        var d = Assert.Single(file.Items);
        Assert.Equal("Fiktiv; A", d.Name);
        Assert.Equal(300, d.Dwellings);
        Assert.Equal(0.08m, d.TurnoverRate);
        Assert.Equal(0.25m, d.KeyFigures!.OutsideLabourMarketShare);
        Assert.Equal(["particularProblems", "other"], d.Flags);
    }

    [Fact]
    public void ReadDepartmentsCsv_HeaderWithCommasAndSemicolons_IsALocatedErrorNamingTheSeparators()
    {
        var result = FactReader.ReadDepartmentsCsv("id;name,dwellings\nD-1;A,3\n", "p.csv");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("p.csv:1:8: error RR0001: The header row has both ',' and ';' between names, so the separator is unclear. (at $) Hint: Separate the cells by ',' (numbers with a decimal point) or by ';' (numbers with a decimal comma, as Excel writes with a Danish list separator) throughout.", d.ToString());
    }

    [Fact]
    public void ReadDepartmentsCsv_SecondRowWithTheSameId_IsALocatedErrorAtItsIdCell()
    {
        // Placements, ledgers and journals are keyed by the department id: a repeated row would be counted twice.
        var result = FactReader.ReadDepartmentsCsv(Header + "D-1,A,300,0.08,none,false,,0.25\nD-2,B,200,0.05,none,false,,0.1\nD-1,C,100,0.05,none,false,,0.1\n", "p.csv");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("p.csv:4:1: error RR0106: This department has the same id as the department at $[0]. (at $[2].id) Hint: Give each department its own id, or remove the repeated department: results, ledgers and journals are keyed by it.", d.ToString());
    }

    [Fact]
    public void ReadDepartmentsCsv_DottedNames_FillNestedFacts()
    {
        var file = FactReader.ReadDepartmentsCsv(Header + "D-1,\"Fiktiv, A\",300,0.08,none,false,particularProblems;other,0.25\n", "p.csv").GetValueOrThrow();
        var d = Assert.Single(file.Items);
        Assert.Equal("Fiktiv, A", d.Name);
        Assert.Equal(300, d.Dwellings);
        Assert.Equal(0.25m, d.KeyFigures!.OutsideLabourMarketShare);
        Assert.Equal(["particularProblems", "other"], d.Flags);
        Assert.False(d.Rehousing);
    }

    [Fact]
    public void ReadDepartmentsCsv_EmptyCellIsUnknown_AndBracketsAreNoFlags()
    {
        var file = FactReader.ReadDepartmentsCsv(Header + "D-1,A,,,,,,\nD-2,B,,,,,[],\n", "p.csv").GetValueOrThrow();
        Assert.Null(file.Items[0].Flags);
        Assert.Null(file.Items[0].Dwellings);
        Assert.Null(file.Items[0].KeyFigures);
        Assert.Empty(file.Items[1].Flags!);
    }

    [Fact]
    public void ReadDepartmentsCsv_ShareAsPercent_IsLocatedAtTheCell()
    {
        var result = FactReader.ReadDepartmentsCsv(Header + "D-1,A,300,0.08,none,false,,28\n", "p.csv");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("p.csv:2:28: error RR0303: A share must be between 0 and 1. (at $[0].keyFigures.outsideLabourMarketShare) Hint: Shares are fractions in [0, 1]: did you mean 0.28?", d.ToString());
    }

    [Fact]
    public void ReadDepartmentsCsv_UnknownColumn_SuggestsTheName()
    {
        var result = FactReader.ReadDepartmentsCsv("id,dwelings\nD-1,3\n", "p.csv");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactUnknown, d.Code);
        Assert.Equal("Did you mean 'dwellings'?", d.Hint);
        Assert.Equal((1, 4), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void ReadDepartmentsCsv_RowWithTooFewCells_IsAnError()
    {
        var result = FactReader.ReadDepartmentsCsv("id,dwellings\nD-1\n", "p.csv");
        Assert.Equal("The row has 1 cells, but the header names 2 columns.", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void ReadDepartmentsCsv_WrongType_NamesTheCell()
    {
        var result = FactReader.ReadDepartmentsCsv("id,residents\nD-1,many\n", "p.csv");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactWrongType, d.Code);
        Assert.Equal(new SourceLocation("p.csv", "$[0].residents", 2, 5), d.Location);
    }
}
