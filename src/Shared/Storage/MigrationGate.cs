namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Runs a database object's migration once, however many stores ask for it at once: the first caller migrates, the
/// others wait for it, and later calls return at once. A migration that failed or was cancelled is tried again by the
/// next caller.
/// </summary>
internal sealed class MigrationGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Runs <paramref name="migrate"/> unless a run of it has completed.</summary>
    public async Task RunOnceAsync(Func<CancellationToken, Task> migrate, CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await migrate(cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
