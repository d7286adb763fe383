namespace RentalRules;

/// <summary>
/// The one walk of the pack's nested lists (criteria in groups, criterion results in theirs): every node before its
/// children, depth first, in the order the pack gives them.
/// </summary>
internal static class Trees
{
    /// <summary>Every node of the trees <paramref name="roots"/>, each before its <paramref name="children"/>, depth first.</summary>
    public static IEnumerable<T> PreOrder<T>(IEnumerable<T> roots, Func<T, IEnumerable<T>> children)
    {
        var stack = new Stack<IEnumerator<T>>();
        stack.Push(roots.GetEnumerator());
        try
        {
            while (stack.Count > 0)
            {
                var level = stack.Peek();
                if (!level.MoveNext())
                {
                    stack.Pop().Dispose();
                    continue;
                }

                var node = level.Current;
                yield return node;
                stack.Push(children(node).GetEnumerator());
            }
        }
        finally
        {
            while (stack.Count > 0)
            {
                stack.Pop().Dispose();
            }
        }
    }
}
