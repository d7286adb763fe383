using System.Text;
using RentalRules.Cli;
using RentalRules.Facts;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>route</c> reads its vacancies on a thread of their own, ahead of the deciding: what it gets must be exactly what
/// reading the file on the deciding thread gives — every item in order, invalid ones with the same located errors, a
/// repeated id refused at its own item, a syntax error as the last item — with only a bounded number read ahead.
/// </summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Read_AFileWithInvalidItems_GivesExactlyWhatReadingItDirectlyGives()
    {
        var text = Vacancies(1000, i => i switch
        {
            130 => "{\"id\":\"V130\",\"department\":\"HB-101\",\"rooms\":\"three\"}",
            415 => "{\"id\":\"V2\",\"department\":\"HB-101\"}",
            _ => null,
        }) + "\n[";   // a syntax error after the root array

        var direct = Describe(Direct(text));
        var ahead = Describe(Ahead(text));

        Assert.Equal(direct, ahead);
        Assert.Equal(1001, ahead.Count);
        Assert.Contains(ahead, d => d.StartsWith("130 invalid", StringComparison.Ordinal) && d.Contains("$[130].rooms", StringComparison.Ordinal));
        Assert.Contains(ahead, d => d.StartsWith("415 invalid", StringComparison.Ordinal) && d.Contains("RR0106", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ReaderThatThrows_RethrowsAtItsItem_AfterEveryItemBeforeIt()
    {
        var text = Encoding.UTF8.GetBytes(Vacancies(3000, _ => null));
        var directly = 0;
        using (var facts = FactStream.Vacancies(new FailingAfter(text, failAfter: text.Length / 2), "v.json"))
        {
            Assert.Throws<IOException>(() =>
            {
                while (facts.Read() is not null)
                {
                    directly++;
                }
            });
        }

        var read = 0;
        using (var facts = FactStream.Vacancies(new FailingAfter(text, failAfter: text.Length / 2), "v.json"))
        using (var ahead = new ReadAhead<Vacancy>(facts))
        {
            var thrown = Assert.Throws<IOException>(() =>
            {
                while (ahead.Read() is not null)
                {
                    read++;
                }
            });
            Assert.Equal("disk gone", thrown.Message);
            Assert.Contains(nameof(FailingAfter), thrown.StackTrace, StringComparison.Ordinal);
        }

        Assert.InRange(directly, 1000, 2000);
        Assert.Equal(directly, read);
    }

    [Theory]
    [InlineData(ReadAhead<Vacancy>.DefaultBatches)]
    [InlineData(2)]
    [InlineData(1)]
    public void Read_ConsumerThatStopsEarly_ReadsOnlyABoundedNumberAhead_AndDisposeStopsTheReader(int batches)
    {
        var text = Encoding.UTF8.GetBytes(Vacancies(20_000, _ => null));
        var source = new MemoryStream(text);
        using var facts = FactStream.Vacancies(source, "v.json");
        var ahead = new ReadAhead<Vacancy>(facts, batches: batches);
        Assert.NotNull(ahead.Read());

        // Let the reader run until it waits for room.
        long last;
        do
        {
            last = source.Position;
            Thread.Sleep(200);
        }
        while (source.Position != last);

        // The batch handed over, the batches queued, and the one the reader waits to queue.
        var itemsRead = facts.Count;
        ahead.Dispose();

        Assert.InRange(itemsRead, 1, (batches + 2) * ReadAhead<Vacancy>.BatchSize);
    }

    [Fact]
    public void Read_WithAPreparation_GivesEachValidItemItsOwnPreparedValue_AndAnInvalidOneNone()
    {
        var text = Vacancies(700, i => i == 333 ? "{\"id\":\"V333\",\"rooms\":\"three\"}" : null);
        var preparedOn = new HashSet<int>();
        using var facts = FactStream.Vacancies(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.json");
        using var ahead = new ReadAhead<Vacancy>(facts, v =>
        {
            lock (preparedOn)
            {
                preparedOn.Add(Environment.CurrentManagedThreadId);
            }

            return "for " + v.Id;
        });
        var seen = new List<string>();
        while (ahead.Read() is { } item)
        {
            seen.Add(item.Value is { } v ? $"{v.Id}:{ahead.Prepared}" : $"invalid:{ahead.Prepared ?? "none"}");
        }

        Assert.Equal(700, seen.Count);
        Assert.Equal(Enumerable.Range(0, 700).Select(i => i == 333 ? "invalid:none" : $"V{i}:for V{i}"), seen);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, preparedOn);
    }

    [Fact]
    public void Read_APreparationThatThrows_RethrowsAtItsItem_AfterEveryItemBeforeIt()
    {
        var text = Vacancies(500, _ => null);
        using var facts = FactStream.Vacancies(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.json");
        using var ahead = new ReadAhead<Vacancy>(facts, v => v.Id == "V250" ? throw new InvalidOperationException("no such department") : v.Id);
        var read = 0;
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            while (ahead.Read() is not null)
            {
                Assert.Equal("V" + read, ahead.Prepared);
                read++;
            }
        });

        Assert.Equal("no such department", thrown.Message);
        Assert.Equal(250, read);
    }

    private static string Vacancies(int count, Func<int, string?> special)
        => "[\n" + string.Join(",\n", Enumerable.Range(0, count).Select(i => special(i) ?? $"{{\"id\":\"V{i}\",\"department\":\"HB-10{1 + (i % 5)}\",\"category\":\"family\",\"rooms\":{1 + (i % 4)},\"rent\":{5000 + i}.5}}")) + "\n]";

    private static List<FactItem<Vacancy>> Direct(string text)
    {
        using var facts = FactStream.Vacancies(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.json");
        var items = new List<FactItem<Vacancy>>();
        while (facts.Read() is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    private static List<FactItem<Vacancy>> Ahead(string text)
    {
        using var facts = FactStream.Vacancies(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.json");
        using var ahead = new ReadAhead<Vacancy>(facts);
        var items = new List<FactItem<Vacancy>>();
        while (ahead.Read() is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    private static List<string> Describe(List<FactItem<Vacancy>> items)
        => [.. items.Select(i => i.Value is { } v
            ? $"{i.Index} {v.Id} {v.Department} {v.Rooms} {v.Rent} {i.Location}"
            : $"{i.Index} invalid {i.EndsFile} {string.Join(" | ", i.Diagnostics.Select(d => d.ToString()))}")];

    /// <summary>A stream that fails once <paramref name="failAfter"/> bytes have been read.</summary>
    private sealed class FailingAfter(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
            => Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Min(count, failAfter - (int)Position));

        public override int Read(Span<byte> buffer)
            => Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer[..Math.Min(buffer.Length, failAfter - (int)Position)]);
    }
}
