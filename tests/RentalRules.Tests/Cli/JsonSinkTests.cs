using System.Text;
using RentalRules.Cli;

namespace RentalRules.Tests.Cli;

/// <summary>
/// The sink <c>place</c>, <c>check</c> and <c>route</c> write their JSON through: to standard output (a stream) it hands
/// full chunks to a writing thread of their own, which must write every byte in order, hold only a bounded number of
/// chunks when the reader of the pipe is slow, and let a failure to write reach the thread producing the JSON.
/// </summary>
public sealed class JsonSinkTests
{
    [Fact]
    public void Finish_ToAStream_WritesExactlyWhatATextWriterGets_AcrossManyChunks()
    {
        var text = new StringWriter();
        var bytes = new MemoryStream();
        using (var stream = new StreamWriter(bytes, new UTF8Encoding(false), leaveOpen: true))
        {
            stream.Write("before ");
            Produce(text, 40_000);
            Produce(stream, 40_000);
        }

        var written = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.True(written.Length > 20 * JsonSink.ChunkBytes, $"only {written.Length} characters: too few chunks to test.");
        Assert.Equal("before " + text, written);
    }

    [Fact]
    public void Finish_StreamThatFailsToWrite_RethrowsTheFailureOnTheProducingThread()
    {
        var target = new StreamWriter(new FailingStream());

        var thrown = Assert.Throws<IOException>(() => Produce(target, 3000));

        Assert.Equal("broken pipe", thrown.Message);
    }

    [Fact]
    public async Task FlushIfLarge_ReaderThatDoesNotRead_HoldsABoundedNumberOfChunks()
    {
        var stream = new GatedStream();
        var target = new StreamWriter(stream);
        var produced = 0L;
        var producer = Task.Run(() => Produce(target, 100_000, bytes => Interlocked.Exchange(ref produced, bytes)));

        // Wait until the producer stops getting anywhere: it waits for room behind the unread chunks.
        long last;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            last = Interlocked.Read(ref produced);
            await Task.Delay(300);
        }
        while (Interlocked.Read(ref produced) != last && waited.Elapsed < TimeSpan.FromSeconds(20));

        var held = Interlocked.Read(ref produced);
        stream.Open();
        await producer;

        Assert.True(held < 10 * JsonSink.ChunkBytes, $"{held} bytes were produced while nothing was read.");
        Assert.True(stream.Length > 40 * JsonSink.ChunkBytes, $"only {stream.Length} bytes were written in all.");
    }

    /// <summary>A compact document of <paramref name="count"/> objects with a little non-ASCII text, written through a sink.</summary>
    private static void Produce(TextWriter target, int count, Action<long>? progress = null)
    {
        var sink = new JsonSink(target, indented: false);
        using (sink)
        {
            var w = sink.Writer;
            w.WriteStartObject();
            w.WriteStartArray("items");
            for (var i = 0; i < count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("i", i);
                w.WriteString("text", $"Afdeling {i}: Grønnegården, Høje-Taastrup — {new string('x', i % 300)}");
                w.WriteEndObject();
                sink.FlushIfLarge();
                progress?.Invoke(w.BytesCommitted + w.BytesPending);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            sink.Finish(newline: true);
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("broken pipe");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("broken pipe");
    }

    /// <summary>A stream whose writes wait until it is opened, as a pipe whose reader has not read yet.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly ManualResetEventSlim _open = new();
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Interlocked.Read(ref _length);

        public override long Position { get => Length; set => throw new NotSupportedException(); }

        public void Open() => _open.Set();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _open.Wait();
            Interlocked.Add(ref _length, buffer.Length);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
