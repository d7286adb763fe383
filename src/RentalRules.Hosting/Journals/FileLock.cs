using System.Collections.Concurrent;

namespace RentalRules.Hosting.Journals;

/// <summary>
/// An exclusive lock on a file shared by processes: a sidecar <c>FILE.lock</c> opened with <see cref="FileShare.None"/>
/// (an advisory <c>flock</c> on Unix, a share lock on Windows), held while a process reads, routes and writes the file.
/// The sidecar stays (removing it would let two processes lock two different files); a process that dies, even by
/// kill -9, releases its lock with its file handle. Within a process, a semaphore per file queues the callers first.
/// </summary>
internal sealed class FileLock : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate;
    private readonly FileStream _stream;

    private FileLock(SemaphoreSlim gate, FileStream stream)
    {
        _gate = gate;
        _stream = stream;
    }

    /// <summary>Waits for the lock of <paramref name="path"/> (a full path).</summary>
    /// <exception cref="TimeoutException">Another process held the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw Timeout(path, timeout);
        }

        try
        {
            var lockPath = path + ".lock";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var pause = 2;
            while (true)
            {
                try
                {
                    var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    return new FileLock(gate, stream);
                }
                catch (IOException) when (File.Exists(lockPath) && waited.Elapsed < timeout)
                {
                    // Held by another process: wait a little, a little longer each time.
                    await Task.Delay(Random.Shared.Next(pause, pause * 2), cancellationToken).ConfigureAwait(false);
                    pause = Math.Min(pause * 2, 50);
                }
                catch (IOException) when (File.Exists(lockPath))
                {
                    throw Timeout(path, timeout);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Release();
    }

    private static TimeoutException Timeout(string path, TimeSpan timeout)
        => new($"Another process has held the lock on {path} for more than {timeout.TotalSeconds:0} s; nothing was routed. Try again when it has finished.");
}
