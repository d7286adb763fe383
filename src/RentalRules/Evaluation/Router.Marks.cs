using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Marks: the pack's labels a decision carries when their condition holds for the vacancy (e.g. a dwelling let under a programme).</summary>
internal static partial class Router
{
    private static IReadOnlyList<string> Marks(RulePack pack, EvalScope scope, List<Explanation> explanation)
    {
        if (pack.Marks.Count == 0)
        {
            return NoStrings;
        }

        var marks = new List<string>();
        foreach (var mark in pack.Marks)
        {
            var mark0 = scope.MissingCount;
            if (mark.When.Evaluate(scope) == Tri.True)
            {
                marks.Add(mark.Id);
                explanation.Add(new Explanation(mark.Id, mark.Clause.Id, mark.Clause.Source, pack.Reasons.Render(mark.Label, scope.Parameters)));
            }

            scope.ResetMissing(mark0);
        }

        return marks;
    }
}
