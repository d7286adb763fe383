using RentalRules.Diagnostics;

namespace RentalRules.Authoring;

/// <summary>
/// The outcome of running a pack's tests (<c>ID.tests.json</c>): each case passed or failed with what differed, clause
/// coverage, and for a draft the base's cases run on the draft. Built by <see cref="PackTestRunner"/>; immutable.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class PackTestReport
{
    internal PackTestReport(string pack, string status, string? testsFile, IReadOnlyList<PackTestCaseResult> cases, IReadOnlyList<PackTestBaseRun> baseRuns, IReadOnlyList<ClauseCoverage> coverage, IReadOnlyList<Diagnostic> diagnostics)
    {
        Pack = pack;
        Status = status;
        TestsFile = testsFile;
        Cases = cases;
        BaseRuns = baseRuns;
        Coverage = coverage;
        Diagnostics = diagnostics;
    }

    /// <summary>The pack's id (or the file given, when the pack did not load).</summary>
    public string Pack { get; }

    /// <summary>The pack's status (<c>signed</c>, <c>statutory</c>, <c>draft</c>, <c>illustrative</c>), or empty when it did not load.</summary>
    public string Status { get; }

    /// <summary>The tests file that ran, or <c>null</c> when there was none.</summary>
    public string? TestsFile { get; }

    /// <summary>The pack's own cases, in file order.</summary>
    public IReadOnlyList<PackTestCaseResult> Cases { get; }

    /// <summary>For a draft: the cases of each base pack it extends, run on the draft (those that fail are what the draft changes).</summary>
    public IReadOnlyList<PackTestBaseRun> BaseRuns { get; }

    /// <summary>Per clause the pack cites: the cases that cite it.</summary>
    public IReadOnlyList<ClauseCoverage> Coverage { get; }

    /// <summary>Problems with the pack or the tests file, and uncovered clauses (errors for signed and statutory packs, warnings otherwise).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether every own case passed and there is no error (a base case that fails on a draft does not fail the draft).</summary>
    public bool Passed => Cases.All(c => c.Passed) && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The clauses no case cites.</summary>
    public IReadOnlyList<string> Uncovered => Coverage.Where(c => c.Cases.Count == 0).Select(c => c.Clause).ToList();
}

/// <summary>
/// One case's result.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class PackTestCaseResult
{
    internal PackTestCaseResult(string name, IReadOnlyList<string> clauses, SourceLocation location, IReadOnlyList<PackTestDifference> differences, IReadOnlyList<string> causedBy)
    {
        Name = name;
        Clauses = clauses;
        Location = location;
        Differences = differences;
        CausedBy = causedBy;
    }

    /// <summary>The case's name.</summary>
    public string Name { get; }

    /// <summary>The clauses it cites.</summary>
    public IReadOnlyList<string> Clauses { get; }

    /// <summary>Where the case is in its tests file.</summary>
    public SourceLocation Location { get; }

    /// <summary>What differed from the expectation (empty when it passed).</summary>
    public IReadOnlyList<PackTestDifference> Differences { get; }

    /// <summary>For a base case run on a draft that fails: the draft's changes (<c>kind:id</c>, as <c>compare</c> names them) that took part.</summary>
    public IReadOnlyList<string> CausedBy { get; }

    /// <summary>Whether the pack answered as expected.</summary>
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// One expectation the pack's answer did not meet.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class PackTestDifference
{
    internal PackTestDifference(string what, string expected, string actual)
    {
        What = what;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>What was compared, e.g. <c>tier</c>, <c>criteria.holbaek-b3-1-convictions</c>, <c>routing[3]</c>.</summary>
    public string What { get; }

    /// <summary>What the case expects, as text.</summary>
    public string Expected { get; }

    /// <summary>What the pack answered, as text.</summary>
    public string Actual { get; }
}

/// <summary>
/// A base pack's cases run on a draft that extends it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class PackTestBaseRun
{
    internal PackTestBaseRun(string pack, string testsFile, IReadOnlyList<PackTestCaseResult> cases)
    {
        Pack = pack;
        TestsFile = testsFile;
        Cases = cases;
    }

    /// <summary>The base pack's id.</summary>
    public string Pack { get; }

    /// <summary>Its tests file.</summary>
    public string TestsFile { get; }

    /// <summary>Its cases, run on the draft.</summary>
    public IReadOnlyList<PackTestCaseResult> Cases { get; }
}

/// <summary>
/// A clause the pack cites and the cases that cite it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class ClauseCoverage
{
    internal ClauseCoverage(string clause, string source, IReadOnlyList<string> cases)
    {
        Clause = clause;
        Source = source;
        Cases = cases;
    }

    /// <summary>The clause, e.g. <c>bilag 3 nr. 1</c>.</summary>
    public string Clause { get; }

    /// <summary>The pack that declares it.</summary>
    public string Source { get; }

    /// <summary>The names of the cases that cite it (a base's cases too, for a draft).</summary>
    public IReadOnlyList<string> Cases { get; }
}
