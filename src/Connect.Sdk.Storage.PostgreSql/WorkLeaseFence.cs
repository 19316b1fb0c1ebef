namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// The one SQL condition that says a lease is still held, for writes guarded by a lease's token (lease fencing): put it
/// in the write's <c>WHERE</c>, bind <c>@lease_key</c> and <c>@lease_token</c>, and the write happens only while the
/// writer's lease holds. <c>FOR SHARE</c> keeps the lease row from being taken over until the write's transaction ends.
/// </summary>
internal static class WorkLeaseFence
{
    public const string LeaseStillHeld = """
        EXISTS (SELECT 1 FROM work_leases
                WHERE lease_key = @lease_key AND last_token = @lease_token AND owner IS NOT NULL
                FOR SHARE)
        """;
}
