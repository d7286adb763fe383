using System.Collections;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// The records of a quantifier's list, each with whether the quantifier's body (and filter) holds for it: so that an
/// explanation can name the record that decided an <c>any</c> or <c>all</c> ("dom efter straffeloven af 2024-11-03").
/// </summary>
/// <param name="Items">The list in a scope (null: unknown).</param>
/// <param name="Holds">Whether the body (with the filter) holds for one record of the list.</param>
/// <param name="ItemType">The records' type.</param>
/// <param name="Fields">Each field of a record by name, read as the schema reads it (a day number, a decimal, an enum's name, …).</param>
/// <param name="PeriodOf">For a period record (employment, enrolment, benefit): its period (day numbers; an open end is null).</param>
internal sealed record QuantifierReader(
    Func<EvalScope, IList?> Items,
    Func<EvalScope, object, Tri> Holds,
    FactType ItemType,
    IReadOnlyDictionary<string, Func<EvalScope, object, object?>> Fields,
    Func<object, (int? From, int? End)>? PeriodOf);

internal static partial class ExprCompiler
{
    /// <summary>
    /// Compiles an <c>any</c> or <c>all</c> over a closed list to a reader of its records and a test of one record, for
    /// explanations; null when it cannot be read on its own (a list reached through another quantifier's variable).
    /// Built only when an explanation asks for it, never on the evaluation path.
    /// </summary>
    public static QuantifierReader? TryBuildQuantifier(QuantExpr q, CompileContext context)
    {
        if (q.Kind is not (Quantifier.Any or Quantifier.All))
        {
            return null;
        }

        try
        {
            if (ExprBinder.Bind(q, context).Root is not BoundQuantifier bound || bound.Body.Type.Kind != VKind.Bool)
            {
                return null;
            }

            var (interpretItems, interpretHolds) = BoundInterpreter.Records(bound);
            var items = TieredLambda.Create(interpretItems, () => ExprEmitter.EmitItems(bound));
            var holds = TieredLambda.Create(interpretHolds, () => ExprEmitter.EmitHolds(bound));
            var elementType = bound.Variable.Type;
            return new QuantifierReader(items, holds, elementType, FieldReaders(elementType), PeriodReader(elementType));
        }
        catch (ExprException)
        {
            return null;
        }
    }

    // A field reads as the schema reads it, through the boxed accessor: one delegate call, as a compiled reader would be.
    private static Dictionary<string, Func<EvalScope, object, object?>> FieldReaders(FactType type)
    {
        var readers = new Dictionary<string, Func<EvalScope, object, object?>>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var read = field.Read;
            readers[field.Name] = (scope, record) => read(record, scope);
        }

        return readers;
    }

    private static Func<object, (int? From, int? End)>? PeriodReader(FactType type)
    {
        if (type.ReadPeriod is not { } of)
        {
            return null;
        }

        return record =>
        {
            var period = of(record);
            return (period.From, period.End);
        };
    }
}
