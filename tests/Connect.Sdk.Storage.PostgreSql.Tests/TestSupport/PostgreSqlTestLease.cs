using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;

/// <summary>A lease in a test's database that holds for the whole test, for the guarded writes the tests make directly.</summary>
internal static class PostgreSqlTestLease
{
    public static async Task<WorkLease> HoldAsync(PostgreSqlDatabase database) =>
        await new PostgreSqlWorkLeaseStore(database).TryAcquireAsync("connection:test", "test-worker", Instant.FromUtc(2000, 1, 1, 0, 0), Duration.FromDays(36500), CancellationToken.None)
        ?? throw new InvalidOperationException("A fresh database refused a lease.");
}
