using RentalRules.Cli;

namespace RentalRules.Tests.Cli;

/// <summary>
/// The pipeline <c>check</c> runs its households through: worked on other threads, consumed on the caller's thread in
/// the order they were added, with a bounded number in flight; a failure surfaces at its own item, after every item
/// before it and before any after it, as in a plain loop.
/// </summary>
public sealed class OrderedPipelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Add_WorkThatFinishesOutOfOrder_IsConsumedInInputOrder(int workers)
    {
        var consumed = new List<int>();
        var pipeline = new OrderedPipeline<int, int>(
            i =>
            {
                // Later items of a chunk and later chunks often finish first.
                Thread.SpinWait((1000 - i) % 97 * 50);
                return i * 10;
            },
            consumed.Add,
            workers);

        for (var i = 0; i < 1000; i++)
        {
            pipeline.Add(i);
        }

        pipeline.Drain();

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 10), consumed);
    }

    [Fact]
    public void Add_ResultsAreConsumedOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        var pipeline = new OrderedPipeline<int, int>(i => i, _ => threads.Add(Environment.CurrentManagedThreadId), workers: 2);

        for (var i = 0; i < 200; i++)
        {
            pipeline.Add(i);
        }

        pipeline.Drain();

        Assert.Equal([caller], threads);
    }

    [Fact]
    public void Add_NeverHasMoreThanTheWindowOfChunksInFlight()
    {
        var added = 0;
        var consumed = 0;
        var most = 0;
        var pipeline = new OrderedPipeline<int, int>(i => i, _ => consumed++, workers: 2);

        for (var i = 0; i < 5000; i++)
        {
            pipeline.Add(i);
            added++;
            most = Math.Max(most, added - consumed);
        }

        pipeline.Drain();

        Assert.Equal(5000, consumed);
        Assert.True(most <= (pipeline.Window + 1) * pipeline.ChunkSize, $"{most} items were in flight at once.");
    }

    [Fact]
    public void Drain_WorkThatThrowsMidStream_ConsumesEveryItemBeforeIt_ThenRethrowsTheSameException()
    {
        var consumed = new List<int>();
        var worked = new System.Collections.Concurrent.ConcurrentBag<int>();
        var pipeline = new OrderedPipeline<int, int>(
            i =>
            {
                worked.Add(i);
                return i == 250 ? throw new InvalidOperationException("item 250") : i;
            },
            consumed.Add,
            workers: 2);

        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                pipeline.Add(i);
            }

            pipeline.Drain();
        });

        Assert.Equal("item 250", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 250), consumed);
        Assert.Contains(nameof(Drain_WorkThatThrowsMidStream_ConsumesEveryItemBeforeIt_ThenRethrowsTheSameException), thrown.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Drain_BeforeMoreItems_ConsumesEverythingAddedSoFar()
    {
        var consumed = new List<int>();
        var pipeline = new OrderedPipeline<int, int>(i => i, consumed.Add, workers: 2);

        for (var i = 0; i < 37; i++)
        {
            pipeline.Add(i);
        }

        pipeline.Drain();
        var afterFirstDrain = consumed.Count;
        pipeline.Add(37);
        pipeline.Drain();

        Assert.Equal(37, afterFirstDrain);
        Assert.Equal(Enumerable.Range(0, 38), consumed);
    }
}
