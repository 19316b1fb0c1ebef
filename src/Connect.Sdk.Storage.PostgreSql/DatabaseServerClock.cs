using NodaTime;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// The worker's clock set to the database server's: the local clock plus the offset last measured against the server's
/// <c>clock_timestamp()</c>. Leases lapse by the server's clock (<see cref="PostgreSqlClock.Database"/>); with this clock
/// the planner judges due work by the same time, so a worker whose clock runs ahead neither plans scheduled work early
/// nor sees it due while the others do not. Until the first measurement it is the local clock.
/// </summary>
internal sealed class DatabaseServerClock(PostgreSqlDatabase database, IClock local) : IClock
{
    private long _offsetTicks;

    /// <summary>The offset last measured: the server's clock minus the local one.</summary>
    public Duration Offset => Duration.FromTicks(Volatile.Read(ref _offsetTicks));

    public Instant GetCurrentInstant() => local.GetCurrentInstant().PlusTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>
    /// Measures the offset: the server's time against the middle of the local times before and after asking, which is
    /// right to half the round trip.
    /// </summary>
    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var offset = await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, $"SELECT {PostgreSqlCommands.DatabaseNowTicks};");
                var before = local.GetCurrentInstant();
                var server = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                var after = local.GetCurrentInstant();
                var middle = before + ((after - before) / 2);
                return server - middle.ToUnixTimeTicks();
            },
            cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _offsetTicks, offset);
    }
}
