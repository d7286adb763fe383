using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// Reads a fact file on a thread of its own, ahead of the thread that uses the items: the same
/// <see cref="FactStream{T}"/>, read in the same order by one thread, so every item, error and location is exactly what
/// reading it on the using thread gives; only the two overlap. At most <see cref="Batches"/> batches of
/// <see cref="BatchSize"/> items are read ahead, so memory stays flat. An exception of the reader is rethrown, with its
/// stack, where its item would have come. One thread reads the items from this object.
/// </summary>
/// <typeparam name="T">Department, household or vacancy.</typeparam>
internal sealed class ReadAhead<T> : IDisposable
    where T : class
{
    /// <summary>Items handed over at once.</summary>
    public const int BatchSize = 64;

    /// <summary>The most batches read ahead.</summary>
    public const int Batches = 8;

    private readonly FactStream<T> _stream;
    private readonly Func<T, object?>? _prepare;
    private readonly BlockingCollection<Batch> _batches = new(Batches);
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
    public ReadAhead(FactStream<T> stream, Func<T, object?>? prepare = null)
    {
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
