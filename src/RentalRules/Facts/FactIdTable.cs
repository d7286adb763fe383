namespace RentalRules.Facts;

/// <summary>
/// The ids read so far from one fact file, each with the index of the first item that had it, so that a repeated id is
/// refused (<see cref="FactStream{T}"/>). Every id's characters are copied into one growing character arena and found
/// through open addressing over plain integer arrays: no string, dictionary entry or object per id is kept, so the
/// ids of a million items cost about 40 bytes each (a <see cref="Dictionary{TKey, TValue}"/> of strings: about 100),
/// the id strings themselves die young, and the garbage collector has no references to trace in the table.
/// Ids are compared ordinally, character by character. Not thread-safe.
/// </summary>
internal sealed class FactIdTable
{
    private char[] _chars = new char[1 << 12];
    private int _charsUsed;
    private Entry[] _entries = new Entry[256];

    /// <summary>Entry number + 1 per slot (0: empty); a power of two, at most half full.</summary>
    private int[] _slots = new int[512];

    /// <summary>The number of distinct ids held.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds <paramref name="id"/> as first seen at item <paramref name="index"/>, or, when an earlier item had it,
    /// returns false with that item's index in <paramref name="firstIndex"/> (and keeps the table as it was).
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="index">The index of the item that has it.</param>
    /// <param name="firstIndex">The index of the first item with the id (<paramref name="index"/> when it is new).</param>
    /// <returns>Whether the id is new.</returns>
    public bool TryAdd(string id, int index, out int firstIndex)
    {
        var key = id.AsSpan();
        var hash = string.GetHashCode(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] is var taken && taken != 0)
        {
            ref readonly var entry = ref _entries[taken - 1];
            if (entry.Hash == hash && _chars.AsSpan(entry.Start, entry.Length).SequenceEqual(key))
            {
                firstIndex = entry.Index;
                return false;
            }

            slot = (slot + 1) & mask;
        }

        if (_charsUsed + key.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charsUsed + key.Length));
        }

        key.CopyTo(_chars.AsSpan(_charsUsed));
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[Count] = new Entry(_charsUsed, key.Length, index, hash);
        _charsUsed += key.Length;
        _slots[slot] = ++Count;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        firstIndex = index;
        return true;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var e = 0; e < Count; e++)
        {
            var slot = _entries[e].Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = e + 1;
        }

        _slots = slots;
    }

    private readonly record struct Entry(int Start, int Length, int Index, int Hash);
}
