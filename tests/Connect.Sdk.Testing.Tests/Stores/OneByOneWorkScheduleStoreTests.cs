using Connect.Sdk.Sync;
#if XUNIT_V3
using Connect.Sdk.Testing.XunitV3.Stores;
#else
using Connect.Sdk.Testing.Stores;
#endif

namespace Connect.Sdk.Testing.Tests.Stores;

/// <summary>
/// A partner's schedule store written before the batch read (only <see cref="IWorkScheduleStore.GetAsync"/> and
/// <see cref="IWorkScheduleStore.TrySaveAsync"/>) passes the kit through the interface's one-by-one batch read.
/// </summary>
public sealed class OneByOneWorkScheduleStoreTests : WorkScheduleStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IWorkScheduleStore> CreateStoreAsync() => ValueTask.FromResult<IWorkScheduleStore>(new OneByOneWorkScheduleStore(new InMemoryWorkScheduleStore()));

    private sealed class OneByOneWorkScheduleStore(IWorkScheduleStore inner) : IWorkScheduleStore
    {
        public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
            inner.GetAsync(connection, kind, cancellationToken);

        public ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken) =>
            inner.TrySaveAsync(schedule, cancellationToken);
    }
}
