
namespace RentalRules.Facts;

/// <summary>
/// The facts one evaluation sees, and the missing facts it noticed. One instance per evaluation call, never shared
/// between threads; compiled delegates read it and call <see cref="NoteMissing"/> when a fact is unknown.
/// </summary>
internal sealed class EvalScope
{
    private int[] _missing = [];

    public Department? Department { get; set; }

    public Household? Household { get; set; }

    public Member? Applicant { get; set; }

    public Member? Member { get; set; }

    public Vacancy? Vacancy { get; set; }

    public int On { get; set; }

    public decimal?[] Parameters { get; set; } = [];

    public int MissingCount { get; private set; }

    /// <summary>Whether the check asked for explanations with the values that decided (see <c>EligibilityRequest.Explain</c>).</summary>
    public bool Explain { get; set; }

    /// <summary>The household members' ages on <see cref="On"/>, computed once per evaluation (null: unknown).</summary>
    public int?[]? MemberAges { get; set; }

    public void NoteMissing(int factId)
    {
        for (var i = 0; i < MissingCount; i++)
        {
            if (_missing[i] == factId)
            {
                return;
            }
        }

        if (MissingCount == _missing.Length)
        {
            Array.Resize(ref _missing, Math.Max(8, _missing.Length * 2));
        }

        _missing[MissingCount++] = factId;
    }

    public ReadOnlySpan<int> MissingSince(int mark) => _missing.AsSpan(mark, MissingCount - mark);

    public void ResetMissing(int mark) => MissingCount = mark;
}
