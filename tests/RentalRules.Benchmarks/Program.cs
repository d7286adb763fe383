using BenchmarkDotNet.Running;
using RentalRules.Benchmarks;

// dotnet run -c Release --project tests/RentalRules.Benchmarks -- --filter '*'   (see README.md)
// dotnet run -c Release --project tests/RentalRules.Benchmarks -- --agree [households.json]
if (args is ["--agree", .. var rest])
{
    return AgreementCheck.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
