namespace Connect.Sdk.Storage.PostgreSql.Tests.Scaling;

/// <summary>
/// The worker-process tests run alone, after the parallel ones: five processes on a 2-core machine leave no room for
/// the rest of the suite, and the rest would slow them past their guards.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcessesRunAlone
{
    public const string Name = "worker processes";
}
