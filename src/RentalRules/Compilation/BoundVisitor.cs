namespace RentalRules.Compilation;

/// <summary>
/// A walk over the bound tree (<see cref="BoundNode"/>): one method per node type, and no default, so that a new node
/// type is a compile error in every walk (the emitter, the reference collector) instead of a silent fall-through at run
/// time. <see cref="Visit"/> dispatches by the node's type (<see cref="BoundNode.Accept{T}"/>).
/// </summary>
/// <typeparam name="T">What the walk makes of a node.</typeparam>
internal abstract class BoundVisitor<T>
{
    /// <summary>The walk's result for <paramref name="node"/>, by its type.</summary>
    public virtual T Visit(BoundNode node) => node.Accept(this);

    /// <summary>A number literal.</summary>
    public abstract T VisitNumber(BoundNumber number);

    /// <summary>A text literal.</summary>
    public abstract T VisitText(BoundText text);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public abstract T VisitBool(BoundBool value);

    /// <summary>A duration (read only by the operator or function beside it).</summary>
    public abstract T VisitDuration(BoundDuration duration);

    /// <summary>A <c>date("…")</c> literal.</summary>
    public abstract T VisitDate(BoundDate date);

    /// <summary><c>not x</c>.</summary>
    public abstract T VisitNot(BoundNot not);

    /// <summary><c>-x</c>.</summary>
    public abstract T VisitNegate(BoundNegate negate);

    /// <summary><c>and</c>, <c>or</c>.</summary>
    public abstract T VisitLogical(BoundLogical logical);

    /// <summary>A date plus or minus a duration.</summary>
    public abstract T VisitDateShift(BoundDateShift shift);

    /// <summary><c>+ - * /</c> over numbers.</summary>
    public abstract T VisitArithmetic(BoundArithmetic arithmetic);

    /// <summary>A comparison of numbers, dates, text or conditions.</summary>
    public abstract T VisitComparison(BoundComparison comparison);

    /// <summary><c>spell(..) &gt;= N</c>.</summary>
    public abstract T VisitSpellLasted(BoundSpellLasted spell);

    /// <summary><c>x in [..]</c> over literals.</summary>
    public abstract T VisitInList(BoundInList inList);

    /// <summary><c>x in list</c> over a list of text.</summary>
    public abstract T VisitContains(BoundContains contains);

    /// <summary><c>known(x)</c>, <c>missing(x)</c>.</summary>
    public abstract T VisitKnown(BoundKnown known);

    /// <summary><c>current(x[, date])</c>.</summary>
    public abstract T VisitCurrent(BoundCurrent current);

    /// <summary><c>within(x, N[, date])</c>.</summary>
    public abstract T VisitWithin(BoundWithin within);

    /// <summary><c>any|all|count|spell|sum(..)</c>.</summary>
    public abstract T VisitQuantifier(BoundQuantifier quantifier);

    /// <summary><c>on</c>.</summary>
    public abstract T VisitOn(BoundOn on);

    /// <summary><c>param.name</c>.</summary>
    public abstract T VisitParameter(BoundParameter parameter);

    /// <summary>A fact path.</summary>
    public abstract T VisitPath(BoundPath path);
}

/// <summary>
/// The walk that only looks: visits every child of every node once, in the order the binder bound them (the order of
/// the source, but for a <c>sum</c>'s filter, bound after its body), and returns the node. A walk that collects
/// (references, fact paths, parameters, variables) overrides the methods of the nodes it collects and calls the base
/// method to go on into the children.
/// </summary>
internal abstract class BoundWalker : BoundVisitor<BoundNode>
{
    /// <inheritdoc/>
    public override BoundNode VisitNumber(BoundNumber number) => number;

    /// <inheritdoc/>
    public override BoundNode VisitText(BoundText text) => text;

    /// <inheritdoc/>
    public override BoundNode VisitBool(BoundBool value) => value;

    /// <inheritdoc/>
    public override BoundNode VisitDuration(BoundDuration duration) => duration;

    /// <inheritdoc/>
    public override BoundNode VisitDate(BoundDate date) => date;

    /// <inheritdoc/>
    public override BoundNode VisitNot(BoundNot not) => Children(not, not.Operand);

    /// <inheritdoc/>
    public override BoundNode VisitNegate(BoundNegate negate) => Children(negate, negate.Operand);

    /// <inheritdoc/>
    public override BoundNode VisitLogical(BoundLogical logical) => Children(logical, logical.Left, logical.Right);

    /// <inheritdoc/>
    public override BoundNode VisitDateShift(BoundDateShift shift) => Children(shift, shift.Date);

    /// <inheritdoc/>
    public override BoundNode VisitArithmetic(BoundArithmetic arithmetic) => Children(arithmetic, arithmetic.Left, arithmetic.Right);

    /// <inheritdoc/>
    public override BoundNode VisitComparison(BoundComparison comparison) => Children(comparison, comparison.Left, comparison.Right);

    /// <inheritdoc/>
    public override BoundNode VisitSpellLasted(BoundSpellLasted spell) => Children(spell, spell.Spell);

    /// <inheritdoc/>
    public override BoundNode VisitInList(BoundInList inList) => Children(inList, inList.Value);

    /// <inheritdoc/>
    /// <remarks>The value first: the source reads <c>value in list</c>.</remarks>
    public override BoundNode VisitContains(BoundContains contains) => Children(contains, contains.Value, contains.List);

    /// <inheritdoc/>
    public override BoundNode VisitKnown(BoundKnown known) => Children(known, known.Path);

    /// <inheritdoc/>
    public override BoundNode VisitCurrent(BoundCurrent current) => Children(current, current.Test.Subject, current.Date);

    /// <inheritdoc/>
    /// <remarks>A period test of the subject holds the subject itself: it is visited once.</remarks>
    public override BoundNode VisitWithin(BoundWithin within)
        => Children(within, within.Subject, ReferenceEquals(within.Test?.Subject, within.Subject) ? null : within.Test?.Subject, within.Date);

    /// <inheritdoc/>
    public override BoundNode VisitQuantifier(BoundQuantifier quantifier)
        => Children(quantifier, quantifier.Collection, quantifier.Body, quantifier.Filter);

    /// <inheritdoc/>
    public override BoundNode VisitOn(BoundOn on) => on;

    /// <inheritdoc/>
    public override BoundNode VisitParameter(BoundParameter parameter) => parameter;

    /// <inheritdoc/>
    public override BoundNode VisitPath(BoundPath path) => path;

    private BoundNode Children(BoundNode node, BoundNode? first, BoundNode? second = null, BoundNode? third = null)
    {
        if (first is not null)
        {
            Visit(first);
        }

        if (second is not null)
        {
            Visit(second);
        }

        if (third is not null)
        {
            Visit(third);
        }

        return node;
    }
}
