
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

    /// <summary>
    /// Makes the scope as new for another evaluation on the same thread (see <c>RulePack.RentScope</c>): no facts, no
    /// missing facts noted (the buffer for them is kept), no member ages, not explained.
    /// </summary>
    public void Reset(int on, decimal?[] parameters)
    {
        Clear();
        On = on;
        Parameters = parameters;
        MissingCount = 0;
        Explain = false;
    }

    /// <summary>Lets go of the facts of the evaluation that is over, so that a kept scope holds no household alive.</summary>
    public void Clear()
    {
        Department = null;
        Household = null;
        Applicant = null;
        Member = null;
        Vacancy = null;
        MemberAges = null;
    }

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
