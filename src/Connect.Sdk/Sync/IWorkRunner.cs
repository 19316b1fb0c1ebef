namespace Connect.Sdk.Sync;

/// <summary>Runs one kind of work for a connection; one implementation per <see cref="WorkKind"/>.</summary>
internal interface IWorkRunner
{
    WorkKind Kind { get; }

    /// <summary>
    /// Runs the work and journals every record it touches. Throws only when the run as a whole cannot go on
    /// (a store fails); record-level failures (a rejected article, an unreadable order) are journaled and counted.
    /// </summary>
    ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken);
}
