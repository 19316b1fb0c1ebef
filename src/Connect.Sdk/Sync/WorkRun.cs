using Connect.Sdk.Connectors;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>Everything a runner needs for one run of a work item, created by the engine under the connection's lease.</summary>
internal sealed class WorkRun(
    WorkItem item,
    Connection connection,
    IConnector connector,
    ConnectionContext context,
    WriteScope scope,
    Instant startedAt,
    SecretRedactor redactor,
    RunLease lease)
{
    public WorkItem Item { get; } = item;

    public Connection Connection { get; } = connection;

    public IConnector Connector { get; } = connector;

    public ConnectionContext Context { get; } = context;

    /// <summary>What the run may write to the marketplace: everything, the restricted mapping only, or nothing (Demo).</summary>
    public WriteScope Scope { get; } = scope;

    public Instant StartedAt { get; } = startedAt;

    /// <summary>Removes the connection's secrets from text a connector or marketplace produced, before it is journaled or logged.</summary>
    public SecretRedactor Redactor { get; } = redactor;

    /// <summary>The run's lease on the connection: every guarded store write carries it, and the store refuses it once it is lost.</summary>
    public WorkLease Lease => lease.Lease;

    /// <summary>
    /// Renews the connection's lease at once; long runs call it between pages or batches. The lease is also renewed in the
    /// background for as long as the run lasts.
    /// </summary>
    /// <exception cref="LeaseLostException">The lease was lost (it expired and another worker took it).</exception>
    public ValueTask KeepLeaseAsync(CancellationToken cancellationToken) => lease.RenewAsync(cancellationToken);
}
