namespace RentalRules.Diagnostics;

/// <summary>"Did you mean …" for misspelt names: the closest candidate by edit distance, if close enough.</summary>
internal static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        var allowed = Math.Max(2, name.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (list.Count == 0)
        {
            return "None are declared yet.";
        }

        var closest = Closest(name, list);
        if (closest is not null)
        {
            return $"Did you mean '{closest}'?";
        }

        return list.Count <= 12
            ? "Expected one of: " + string.Join(", ", list.Select(c => $"'{c}'")) + "."
            : "See the README for the names that are allowed here.";
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
