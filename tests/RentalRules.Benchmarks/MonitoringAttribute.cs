using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Runs a class's benchmarks as long operations measured once each (<see cref="RunStrategy.Monitoring"/>: one
/// warm-up, three iterations, one launch, no pilot or overhead stage). A job <em>mutator</em>, not a job: it changes
/// the one job the run has — the default, or the one the command line asks for (<c>--job short</c>,
/// <c>--inProcess</c>) — where <c>[SimpleJob(...)]</c> would add a second job beside the command line's.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class MonitoringAttribute : JobMutatorConfigBaseAttribute
{
    /// <summary>Monitoring, one launch, one warm-up, three iterations.</summary>
    public MonitoringAttribute()
        : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3))
    {
    }
}
