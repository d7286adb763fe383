using System.Reflection;
using RentalRules.Compilation;
using RentalRules.Facts;

namespace RentalRules.Tests.Compilation;

/// <summary>
/// The visitors over the syntax tree and the bound tree: every node type has its own method (so a new node type is a
/// compile error in every walk, not a silent fall-through), and the walker that only looks reaches every child.
/// </summary>
public sealed class TreeVisitorTests
{
    private static readonly FactType Record = FactSchema.RootType("member");

    [Fact]
    public void EverySyntaxNodeType_HasItsOwnVisitorMethod()
        => AssertOneMethodPerNodeType(typeof(Ast), typeof(AstVisitor<>));

    [Fact]
    public void EveryBoundNodeType_HasItsOwnVisitorMethod()
        => AssertOneMethodPerNodeType(typeof(BoundNode), typeof(BoundVisitor<>));

    [Fact]
    public void EveryBoundNodeType_OverridesAccept()
    {
        foreach (var type in NodeTypes(typeof(BoundNode)).Concat(NodeTypes(typeof(Ast))))
        {
            var accept = type.GetMethod("Accept")!;
            Assert.True(accept.DeclaringType == type, type.Name + " does not dispatch to a visitor method of its own.");
        }
    }

    [Fact]
    public void Walker_VisitsEveryChildOfEveryBoundNodeType_Once()
    {
        foreach (var type in NodeTypes(typeof(BoundNode)))
        {
            var children = new List<BoundNode>();
            var node = Build(type, children);
            var walker = new Recorder();
            walker.Visit(node);

            Assert.Equal(node, walker.Visited[0]);
            foreach (var child in children)
            {
                Assert.True(walker.Visited.Count(v => ReferenceEquals(v, child)) == 1, $"The walker does not visit the {child} of {type.Name} exactly once.");
            }

            Assert.Equal(children.Count + 1, walker.Visited.Count);
        }
    }

    [Fact]
    public void Walker_VisitsTheSubjectOfWithin_OnceWhenItsPeriodTestHoldsIt()
    {
        var subject = new BoundNumber(1);
        var within = new BoundWithin(subject, new BoundPeriodTest(subject, Record, false, -1, -1), new DurationLit(1, 0, 0, 0), null);
        var walker = new Recorder();
        walker.Visit(within);
        Assert.Equal([within, subject], walker.Visited);
    }

    [Fact]
    public void Walker_VisitsTheValueOfIn_BeforeTheList_AsTheSourceReadsThem()
    {
        var (value, list) = (new BoundText("a"), new BoundText("b"));
        var walker = new Recorder();
        walker.Visit(new BoundContains(list, value));
        Assert.Equal(["BoundContains", "BoundText", "BoundText"], walker.Visited.Select(v => v.GetType().Name));
        Assert.Same(value, walker.Visited[1]);
    }

    [Fact]
    public void References_AreTheFactsParametersAndThresholds_InTheOrderTheyAreRead()
    {
        var parameters = new Dictionary<string, ParameterSlot> { ["limit"] = new(0, VType.Number), ["age"] = new(1, VType.Number) };
        var bound = ExprBinder.BindCondition(
            "department.keyFigures.convictedShare > 0.01 or sum(m in household.members where m.birthDate <= on: m.age) >= param.limit or applicant.age < param.age",
            new CompileContext(parameters, new FactNames(), MemberInScope: false));

        // A sum's body is read before its filter; a fact compared with a parameter is a threshold, a sum is not a fact.
        var references = bound.References;
        Assert.Equal(["department.keyFigures.convictedShare", "household.members", "household.members[].age", "household.members[].birthDate", "applicant.age"], references.Facts);
        Assert.Equal(["limit", "age"], references.Parameters);
        Assert.Equal(
            [new Threshold("department.keyFigures.convictedShare", 0.01m, null), new Threshold("applicant.age", null, "age")],
            references.Thresholds);
    }

    private static void AssertOneMethodPerNodeType(Type root, Type visitor)
    {
        var methods = visitor.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsAbstract)
            .ToList();
        foreach (var type in NodeTypes(root))
        {
            var own = methods.Where(m => m.GetParameters() is [var p] && p.ParameterType == type).ToList();
            Assert.True(own.Count == 1, $"{visitor.Name} has {own.Count} methods for {type.Name}; add one Visit method for it (and implement it in every walk).");
        }

        Assert.Equal(NodeTypes(root).Count(), methods.Count);
    }

    private static IEnumerable<Type> NodeTypes(Type root)
        => root.Assembly.GetTypes().Where(t => t.IsSubclassOf(root) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>A node of <paramref name="type"/> whose every child is a distinct leaf, noted in <paramref name="children"/>.</summary>
    private static BoundNode Build(Type type, List<BoundNode> children)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = constructor.GetParameters().Select(p => Argument(p.ParameterType, children)).ToArray();
        return (BoundNode)constructor.Invoke(args);
    }

    private static object? Argument(Type type, List<BoundNode> children)
    {
        if (type == typeof(BoundNode))
        {
            var leaf = new BoundNumber(children.Count);
            children.Add(leaf);
            return leaf;
        }

        if (type == typeof(BoundPeriodTest))
        {
            return new BoundPeriodTest((BoundNode)Argument(typeof(BoundNode), children)!, Record, false, -1, -1);
        }

        return type switch
        {
            _ when type == typeof(VType) => VType.Number,
            _ when type == typeof(FactType) => Record,
            _ when type == typeof(DurationLit) => new DurationLit(1, 0, 0, 0),
            _ when type == typeof(BoundVariable) => new BoundVariable("x", Record, "household.members[]"),
            _ when type == typeof(IReadOnlyList<object>) => new List<object> { "a" },
            _ when type == typeof(IReadOnlyList<BoundStep>) => new List<BoundStep>(),
            _ when type == typeof(string) => "x",
            _ when type == typeof(decimal) => 1m,
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ => throw new InvalidOperationException("No test value for a " + type.Name + "; add one here."),
        };
    }

    private sealed class Recorder : BoundWalker
    {
        public List<BoundNode> Visited { get; } = [];

        public override BoundNode Visit(BoundNode node)
        {
            Visited.Add(node);
            return base.Visit(node);
        }
    }
}
