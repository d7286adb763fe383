using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;

namespace RentalRules.Json;

/// <summary>
/// Splits a UTF-8 JSON stream into its items without holding the file: the items of a root array one by one, or the
/// root value as the only item. Each item comes with its bytes and the line and column it starts at, so that it can be
/// parsed into a located <see cref="JNode"/> tree of its own (<see cref="Parse"/>) and dropped. Memory is bounded by
/// the largest item, not the file. A syntax error ends the stream with one located diagnostic that quotes no input.
/// </summary>
internal sealed class JsonItemStream : IDisposable
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = JsonText.MaxDepth,
    };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _done;
    private bool _rootDone;
    private JsonReaderState _state = new(Options);

    // Line and column of _buffer[_scan], counted incrementally as items are consumed.
    private int _scan;
    private int _line = 1;
    private int _column = 1;

    public JsonItemStream(Stream stream, string file, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        File = file;
        Strings = new JsonText.StringTable(file);
    }

    public string File { get; }

    /// <summary>Whether the root is an array; null until the first item (or the end) is read.</summary>
    public bool? IsArray { get; private set; }

    /// <summary>The string table shared by every item of the stream.</summary>
    public JsonText.StringTable Strings { get; }

    /// <summary>The synthetic root array node that items of an array hang from (their paths are <c>$[i]</c>).</summary>
    private JNode? _root;

    /// <summary>The number of items read.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// One item: its bytes, its index in the root array (-1 for a root value that is not an array), where it starts, and
    /// what <see cref="Mapper"/> made of it (null when there is no mapper or it left the item to the tree).
    /// </summary>
    public readonly record struct Item(byte[]? Utf8, int Index, int Line, int Column, object? Value = null);

    /// <summary>
    /// Maps an object item straight from the reader standing at its <c>{</c>, leaving the reader at its <c>}</c>; or
    /// returns null (reader anywhere) to have the item split off and parsed as a tree. It may see only part of the item
    /// when the buffer ends inside it; it must then return null.
    /// </summary>
    public delegate object? ItemMapper(ref Utf8JsonReader reader, JsonText.StringTable strings);

    /// <summary>Maps object items as they are read (one tokenizer pass instead of two), or null.</summary>
    public ItemMapper? Mapper { get; set; }

    /// <summary>
    /// Whether an item the <see cref="Mapper"/> took comes with a copy of its bytes (true), or without (false: its
    /// <see cref="Item.Utf8"/> is null, and <see cref="LastItemText"/> copies them until the next item is read). A
    /// reader that never locates a property of a mapped item after reading it spares the copy: a million households
    /// are 1.3 GB of it.
    /// </summary>
    public bool CopyMapped { get; set; } = true;

    /// <summary>Where the last item's bytes are in the buffer (valid until the next <see cref="Next"/>).</summary>
    private int _lastStart;
    private int _lastLength;

    /// <summary>A copy of the bytes of the item <see cref="Next"/> gave last (to locate something in it before reading on).</summary>
    public byte[] LastItemText() => _buffer.AsSpan(_lastStart, _lastLength).ToArray();

    /// <summary>How much of the file is read ahead of an item before it is mapped, so that it rarely straddles the buffer's end.</summary>
    private const int MapAhead = 1 << 14;

    /// <summary>
    /// Reads the next item. Returns false at the end of the stream, or with <paramref name="error"/> set when the text is
    /// not valid JSON (then no item follows).
    /// </summary>
    public bool Next(out Item item, out Diagnostic? error)
    {
        item = default;
        error = null;
        if (_done)
        {
            return false;
        }

        if (!_started)
        {
            Start();
        }

        int? itemStart = null;
        try
        {
            while (true)
            {
                itemStart = null;
                var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
                if (!reader.Read())
                {
                    if (!_eof)
                    {
                        Refill();
                        continue;
                    }

                    _done = true;
                    if (IsArray is null)
                    {
                        error = Descriptors.JsonEmpty.At(new SourceLocation(File, "$", _line, _column));
                    }

                    return false;
                }

                if (IsArray is null && reader.TokenType == JsonTokenType.StartArray)
                {
                    IsArray = true;
                    Commit(reader);
                    continue;
                }

                IsArray ??= false;
                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                {
                    _rootDone = true;
                    Commit(reader);
                    continue;
                }

                var start = (int)reader.TokenStartIndex;
                itemStart = _pos + start;
                object? value = null;
                if (Mapper is not null && reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!_eof && _end - (_pos + start) < MapAhead)
                    {
                        Refill();
                        continue;
                    }

                    var mapping = reader;
                    value = Mapper(ref mapping, Strings);
                    if (value is not null)
                    {
                        reader = mapping;
                    }
                }

                if (value is null && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    Refill();
                    continue;
                }

                var length = (int)reader.BytesConsumed - start;
                Advance(_pos + start);
                var (line, column) = (_line, _column);
                (_lastStart, _lastLength) = (_pos + start, length);
                var bytes = value is not null && !CopyMapped ? null : _buffer.AsSpan(_pos + start, length).ToArray();
                Commit(reader);
                _rootDone = IsArray == false;
                item = new Item(bytes, IsArray == true ? Count : -1, line, column, value);
                Count++;
                return true;
            }
        }
        catch (JsonException ex)
        {
            _done = true;
            error = IsArray is null && _eof && _buffer.AsSpan(_pos, _end - _pos).Trim(" \t\r\n"u8).IsEmpty
                ? Descriptors.JsonEmpty.At(new SourceLocation(File, "$", _line, _column))
                : Located(ex, itemStart);
            return false;
        }
    }

    /// <summary>Parses one item into a located tree (paths <c>$[i]…</c>), or returns its one located error.</summary>
    public (JNode? Node, Diagnostic? Error) Parse(in Item item)
    {
        var source = new SourceText(item.Utf8 ?? throw new InvalidOperationException("An item the mapper took without its bytes is not parsed again."), File, Strings, item.Line, item.Column);
        JNode? parent = null;
        if (item.Index >= 0)
        {
            parent = _root ??= new JNode(JKind.Array, new SourceLocation(File, "$", 1, 1));
        }

        var reader = new Utf8JsonReader(item.Utf8, Options);
        try
        {
            if (parent is not null)
            {
                source.At(parent, null, item.Index);
            }

            reader.Read();
            return (JsonText.ReadValue(ref reader, source, parent, null, Math.Max(0, item.Index)), null);
        }
        catch (JsonText.LocatedJsonException ex)
        {
            if (ex.Offset < 0)
            {
                return (null, ex.Diagnostic);
            }

            var (line, col) = source.Position(ex.Offset);
            return (null, ex.Diagnostic with { Location = ex.Diagnostic.Location with { JsonPath = source.CursorPath, Line = line, Column = col } });
        }
        catch (JsonException ex)
        {
            var lineInItem = (int)(ex.LineNumber ?? 0);
            var byteInLine = (int)(ex.BytePositionInLine ?? 0);
            var line = source.FirstLine + lineInItem;
            var col = lineInItem == 0 ? source.FirstColumn + byteInLine : byteInLine + 1;
            return (null, JsonText.Describe(ex.Message).At(new SourceLocation(File, source.CursorPath, line, col), JsonText.MaxDepth));
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Start()
    {
        _started = true;
        while (_end < 3 && !_eof)
        {
            Read();
        }

        if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos = _scan = 3;
        }
    }

    private void Commit(in Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        _pos += (int)reader.BytesConsumed;
        Advance(_pos);
    }

    /// <summary>Counts lines and columns from the last counted position up to <paramref name="to"/>.</summary>
    private void Advance(int to)
    {
        if (to <= _scan)
        {
            return;
        }

        var span = _buffer.AsSpan(_scan, to - _scan);
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            _column += Encoding.UTF8.GetCharCount(span);
        }
        else
        {
            _line += span.Count((byte)'\n');
            _column = 1 + Encoding.UTF8.GetCharCount(span[(lastNewline + 1)..]);
        }

        _scan = to;
    }

    /// <summary>Keeps the unread bytes, growing the buffer when one item does not fit, and reads more.</summary>
    private void Refill()
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _scan -= _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        Read();
    }

    private void Read()
    {
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }
        else
        {
            _end += n;
        }
    }

    /// <summary>
    /// A syntax error: the position the reader reports, and the JSON path found by reading the broken item's text again
    /// as a tree (which stops at the same place and knows the path down to the value).
    /// </summary>
    private Diagnostic Located(JsonException ex, int? itemStart)
    {
        var index = IsArray == true && !_rootDone ? Count : -1;
        if (itemStart is { } start && start >= _scan)
        {
            Advance(start);
            var partial = _buffer.AsSpan(start, _end - start).ToArray();
            var (_, error) = Parse(new Item(partial, index, _line, _column));
            if (error is not null)
            {
                return error;
            }
        }

        var line = (int)(ex.LineNumber ?? 0) + 1;
        var col = (int)(ex.BytePositionInLine ?? 0) + 1;
        return JsonText.Describe(ex.Message).At(new SourceLocation(File, index >= 0 ? $"$[{index}]" : "$", line, col), JsonText.MaxDepth);
    }
}
