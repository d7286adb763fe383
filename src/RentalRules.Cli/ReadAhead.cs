using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// Reads a fact file on a thread of its own, ahead of the thread that uses the items: the same
/// <see cref="FactStream{T}"/>, read in the same order by one thread, so every item, error and location is exactly what
/// reading it on the using thread gives; only the two overlap. At most a given number of batches (by default
/// <see cref="DefaultBatches"/>) of <see cref="BatchSize"/> items are read ahead, so memory stays flat. An exception of
/// the reader is rethrown, with its stack, where its item would have come. One thread reads the items from this object.
/// </summary>
/// <typeparam name="T">Department, household or vacancy.</typeparam>
internal sealed class ReadAhead<T> : IDisposable
    where T : class
{
    /// <summary>Items handed over at once.</summary>
    public const int BatchSize = 64;

    /// <summary>The most batches read ahead unless the caller says otherwise.</summary>
    public const int DefaultBatches = 8;

    private readonly FactStream<T> _stream;
    private readonly Func<T, object?>? _prepare;
    private readonly BlockingCollection<Batch> _batches;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private Batch? _current;
    private int _next;
    private bool _ended;

    /// <param name="stream">The items.</param>
    /// <param name="prepare">
    /// Work done for each valid item on the reading thread, ahead of the using one, whose result <see cref="Prepared"/>
    /// gives with the item (<c>route</c> looks up each vacancy's department there: the deciding thread is the one the
    /// others wait for). It must only read what no other thread writes while items are read. An exception of it is
    /// rethrown where its item would have come, as one of the reader's.
    /// </param>
    /// <param name="batches">
    /// The most batches read ahead. Everything read ahead is alive at every collection, so large items want few: a
    /// household was about 1.8 KB of objects when this was measured, and with 8 batches (512 households) read ahead
    /// nearly every collection of check's young generation was also one of the older (270 of 345 in a million
    /// households, 0.9 s of pauses); with 2, 30 of 393 (0.7 s), and the run was about a tenth faster (issue 16). Small
    /// items keep more: route's vacancies with 2 batches were slower than with 8.
    /// </param>
    public ReadAhead(FactStream<T> stream, Func<T, object?>? prepare = null, int batches = DefaultBatches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        _batches = new BlockingCollection<Batch>(batches);
        _stream = stream;
        _prepare = prepare;
        _thread = new Thread(Run) { IsBackground = true, Name = "rentalrules input" };
        _thread.Start();
    }

    /// <summary>What the preparation gave for the item <see cref="Read"/> gave last (null for an invalid item, or without one).</summary>
    public object? Prepared { get; private set; }

    /// <summary>The next item, as <see cref="FactStream{T}.Read"/> gives it; null at the end.</summary>
    public FactItem<T>? Read()
    {
        while (!_ended)
        {
            if (_current is { } batch && _next < batch.Count)
            {
                Prepared = batch.Prepared[_next];
                return batch.Items[_next++];
            }

            if (_current is { Error: { } error })
            {
                _ended = true;
                error.Throw();
            }

            if (_current is { Last: true })
            {
                _ended = true;
                break;
            }

            _current = _batches.Take();
            _next = 0;
        }

        return null;
    }

    /// <summary>Stops the reader (when the items were not all used) and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _batches.Dispose();
    }

    private void Run()
    {
        try
        {
            var batch = new Batch();
            while (true)
            {
                FactItem<T>? item;
                object? prepared = null;
                try
                {
                    item = _stream.Read();
                    if (item?.Value is { } value && _prepare is { } prepare)
                    {
                        prepared = prepare(value);
                    }
                }
                catch (Exception ex)
                {
                    batch.Error = ExceptionDispatchInfo.Capture(ex);
                    _batches.Add(batch, _stop.Token);
                    return;
                }

                if (item is null)
                {
                    batch.Last = true;
                    _batches.Add(batch, _stop.Token);
                    return;
                }

                batch.Prepared[batch.Count] = prepared;
                batch.Items[batch.Count++] = item;
                if (batch.Count == BatchSize)
                {
                    _batches.Add(batch, _stop.Token);
                    batch = new Batch();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The items were not all used (the run failed): nobody waits for the rest.
        }
    }

    private sealed class Batch
    {
        public FactItem<T>[] Items { get; } = new FactItem<T>[BatchSize];

        public object?[] Prepared { get; } = new object?[BatchSize];

        public int Count { get; set; }

        public bool Last { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }
    }
}
