using BenchmarkDotNet.Running;
using Connect.Sdk.Benchmarks;

if (args.Length > 0 && args[0] == "journal-matrix")
{
    return await JournalFilterMatrix.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
