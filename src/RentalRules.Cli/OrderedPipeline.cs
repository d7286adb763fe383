using System.Runtime.ExceptionServices;

namespace RentalRules.Cli;

/// <summary>
/// Runs <c>work</c> on worker threads while the calling thread goes on reading, and hands the results to
/// <c>consume</c> on the calling thread, in the order the items were added. Items go to the workers in chunks of
/// <see cref="ChunkSize"/>; at most <see cref="Window"/> chunks are in flight, so that memory stays flat whatever the
/// input's size: when the window is full, <see cref="Add"/> waits for the oldest chunk and consumes it. The first item
/// is worked on the calling thread, so that what the work sets up on first use (<c>CheckBatch</c> places its
/// department) is set up once before any worker runs; on a single core everything runs on the calling thread.
/// </summary>
/// <remarks>
/// An exception thrown by <c>work</c> for an item is rethrown, with its original stack, when that item's turn to be
/// consumed comes: every item before it is consumed first, none after it, exactly as a plain loop would. Not
/// thread-safe: one thread adds, drains and consumes; <c>work</c> must be safe to run on several items at once.
/// </remarks>
/// <typeparam name="TIn">The items.</typeparam>
/// <typeparam name="TOut">The results.</typeparam>
internal sealed class OrderedPipeline<TIn, TOut>
{
    /// <summary>Items per chunk handed to a worker unless the pipeline is given another size.</summary>
    public const int DefaultChunkSize = 16;

    private readonly Func<TIn, TOut> _work;
    private readonly Action<TOut> _consume;
    private readonly bool _parallel;
    private readonly Queue<Task<Outcome[]>> _inFlight = new();
    private List<TIn> _chunk;
    private bool _first = true;

    /// <param name="work">The work per item (run on worker threads).</param>
    /// <param name="consume">What is done with each result, in input order (on the calling thread).</param>
    /// <param name="workers">How many threads may work at once; 1 runs everything on the calling thread.</param>
    /// <param name="chunkSize">
    /// Items per chunk: enough that a chunk's work outweighs handing it to a worker and back (a few microseconds), few
    /// enough that the window holds little. 16 suits a check (tens of microseconds each); placements and rendered
    /// decisions, a few microseconds each, want more.
    /// </param>
    public OrderedPipeline(Func<TIn, TOut> work, Action<TOut> consume, int workers, int chunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _work = work;
        _consume = consume;
        _parallel = workers > 1;
        ChunkSize = chunkSize;
        _chunk = new List<TIn>(chunkSize);
        Window = 4 * Math.Max(1, workers);
    }

    /// <summary>Items per chunk handed to a worker.</summary>
    public int ChunkSize { get; }

    /// <summary>The most chunks in flight at once.</summary>
    public int Window { get; }

    /// <summary>Adds an item; consumes the results that are ready, and waits for the oldest when the window is full.</summary>
    public void Add(TIn item)
    {
        if (_first || !_parallel)
        {
            _first = false;
            _consume(_work(item));
            return;
        }

        _chunk.Add(item);
        if (_chunk.Count == ChunkSize)
        {
            Submit();
        }
    }

    /// <summary>Works what is left and consumes every result still to come; then the pipeline is empty.</summary>
    public void Drain()
    {
        Submit();
        while (_inFlight.Count > 0)
        {
            ConsumeOldest();
        }
    }

    private void Submit()
    {
        if (_chunk.Count > 0)
        {
            var chunk = _chunk;
            _chunk = new List<TIn>(ChunkSize);
            _inFlight.Enqueue(Task.Run(() => Run(chunk)));
        }

        while (_inFlight.Count > 0 && (_inFlight.Count >= Window || _inFlight.Peek().IsCompleted))
        {
            ConsumeOldest();
        }
    }

    private Outcome[] Run(List<TIn> chunk)
    {
        var results = new Outcome[chunk.Count];
        for (var i = 0; i < results.Length; i++)
        {
            try
            {
                results[i] = new Outcome(_work(chunk[i]), null);

                // The chunk stays reachable until its results are consumed; its items need not (a household is
                // over a kilobyte of objects that would otherwise survive every collection until then).
                chunk[i] = default!;
            }
            catch (Exception ex)
            {
                // Nothing after a failed item is worked: a plain loop would have stopped there.
                results[i] = new Outcome(default, ExceptionDispatchInfo.Capture(ex));
                return results[..(i + 1)];
            }
        }

        return results;
    }

    private void ConsumeOldest()
    {
        foreach (var r in _inFlight.Dequeue().GetAwaiter().GetResult())
        {
            r.Error?.Throw();
            _consume(r.Value!);
        }
    }

    private readonly record struct Outcome(TOut? Value, ExceptionDispatchInfo? Error);
}

/// <summary>
/// An item with its place in the input. A class, not a tuple: a generic of this program over a framework struct is
/// compiled when the tool starts, which ReadyToRun cannot spare it (issue 16 item 4).
/// </summary>
/// <typeparam name="T">The item.</typeparam>
internal sealed record Numbered<T>(int Index, T Item)
    where T : class;

