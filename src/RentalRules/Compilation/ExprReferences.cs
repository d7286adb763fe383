namespace RentalRules.Compilation;

/// <summary>
/// The facts and parameters an expression reads, and the thresholds it compares numeric facts with: collected from the
/// bound tree by one walk (<see cref="Of"/>), read by analysis, offers and pack tests.
/// </summary>
internal sealed class ExprReferences
{
    private const string ParameterPrefix = "param.";

    private ExprReferences()
    {
    }

    /// <summary>The fact paths read (<c>member.age</c>, <c>household.members[].income</c>), in the order they are first read.</summary>
    public HashSet<string> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>The parameters read, by name, in the order they are first read.</summary>
    public HashSet<string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Comparisons of a numeric or date fact with a constant or a parameter.</summary>
    public List<Threshold> Thresholds { get; } = [];

    /// <summary>What the bound tree <paramref name="root"/> refers to.</summary>
    public static ExprReferences Of(BoundNode root)
    {
        var collector = new Collector();
        collector.Visit(root);
        return collector.References;
    }

    private sealed class Collector : BoundWalker
    {
        public ExprReferences References { get; } = new();

        public override BoundNode Visit(BoundNode node)
        {
            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new ExprException(new ExprError(0, Diagnostics.Descriptors.ExpressionTooDeepToCompile));
            }

            return base.Visit(node);
        }

        public override BoundNode VisitPath(BoundPath path)
        {
            if (path.Steps.Count > 0)
            {
                References.Facts.Add(path.FactName!);
            }

            return base.VisitPath(path);
        }

        public override BoundNode VisitParameter(BoundParameter parameter)
        {
            References.Parameters.Add(parameter.FactName![ParameterPrefix.Length..]);
            return base.VisitParameter(parameter);
        }

        /// <summary>After its operands (as the binder read them): a numeric fact compared with a constant or a parameter.</summary>
        public override BoundNode VisitComparison(BoundComparison comparison)
        {
            base.VisitComparison(comparison);
            if (comparison.Kind != ComparisonKind.Numbers)
            {
                return comparison;
            }

            foreach (var (fact, other) in new[] { (comparison.Left, comparison.Right), (comparison.Right, comparison.Left) })
            {
                if (fact.FactName is { } name && !name.StartsWith(ParameterPrefix, StringComparison.Ordinal))
                {
                    if (other.Constant is decimal c)
                    {
                        References.Thresholds.Add(new Threshold(name, c, null));
                    }
                    else if (other.FactName is { } p && p.StartsWith(ParameterPrefix, StringComparison.Ordinal))
                    {
                        References.Thresholds.Add(new Threshold(name, null, p[ParameterPrefix.Length..]));
                    }
                }
            }

            return comparison;
        }
    }
}

/// <summary>A fact compared with a constant or a parameter (a class: a list of tuples is compiled at start-up, issue 16).</summary>
internal sealed record Threshold(string Fact, decimal? Constant, string? Parameter);
