namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// Marks an agreement test with the clause it checks: <c>[Clause("holbaek-2024", "bilag 3 nr. 1")]</c>.
/// <see cref="Packs.ClauseCoverageTests"/> fails when a clause cited by a shipped pack has no test marked with it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ClauseAttribute(string pack, string clause) : Attribute
{
    public string Pack { get; } = pack;

    public string Clause { get; } = clause;
}
