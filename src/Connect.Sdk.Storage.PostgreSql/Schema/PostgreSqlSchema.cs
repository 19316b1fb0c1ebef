namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>Every store module's migrations, in the order they are applied within each module.</summary>
internal static class PostgreSqlSchema
{
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        .. WorkLeaseSchema.Migrations,
        .. WorkScheduleSchema.Migrations,
        .. ConnectionSchema.Migrations,
        .. ForeignNumberSchema.Migrations,
        .. OrderStagingSchema.Migrations,
        .. ImportedOrderLedgerSchema.Migrations,
        .. OrderStatusOutboxSchema.Migrations,
        .. RulesAndSyncStateSchema.Migrations,
        .. AccountsAlertsAndSecretsSchema.Migrations,
        .. JournalSchema.Migrations,
    ];
}
