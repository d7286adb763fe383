using FsCheck.Xunit;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Vocabulary;

/// <summary>The one walk of nested criteria and criterion results: every node before its children, depth first.</summary>
public sealed class TreesTests
{
    [Fact]
    public void PreOrder_GivesEachNodeBeforeItsChildren_DepthFirst_InTheGivenOrder()
    {
        var tree = new[]
        {
            new Node("a", [new Node("a1", [new Node("a1x", [])]), new Node("a2", [])]),
            new Node("b", []),
        };

        Assert.Equal(["a", "a1", "a1x", "a2", "b"], Trees.PreOrder(tree, n => n.Children).Select(n => n.Name));
    }

    [Fact]
    public void PreOrder_OfADeepChain_DoesNotRecurse()
    {
        var node = new Node("0", []);
        for (var i = 1; i < 100_000; i++)
        {
            node = new Node(i.ToString(System.Globalization.CultureInfo.InvariantCulture), [node]);
        }

        Assert.Equal(100_000, Trees.PreOrder([node], n => n.Children).Count());
    }

    /// <summary>Any tree: built from a list of parent choices, each new node hung under one of the nodes before it.</summary>
    [Property(MaxTest = 200, Replay = Laws.Replay)]
    public bool PreOrder_VisitsEveryNodeOnce_AndEachAfterItsParent(byte[] parents)
    {
        var nodes = new List<Node> { new("0", []) };
        var parentOf = new Dictionary<Node, Node>();
        foreach (var p in parents)
        {
            var parent = nodes[p % nodes.Count];
            var child = new Node(nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), []);
            parent.Children.Add(child);
            parentOf[child] = parent;
            nodes.Add(child);
        }

        var order = Trees.PreOrder([nodes[0]], n => n.Children).ToList();
        var index = order.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        return order.Count == nodes.Count && index.Count == nodes.Count && parentOf.All(kv => index[kv.Value] < index[kv.Key]);
    }

    private sealed record Node(string Name, List<Node> Children);
}
