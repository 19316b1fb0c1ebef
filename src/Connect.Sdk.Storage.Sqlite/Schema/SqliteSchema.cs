namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>Every store module's migrations, in the order they are applied within each module.</summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        .. ImportedOrderLedgerSchema.Migrations,
        .. OrderStagingSchema.Migrations,
        .. OrderStatusOutboxSchema.Migrations,
        .. WorkLeaseSchema.Migrations,
        .. StockRulesSchema.Migrations,
        .. StockSyncStateSchema.Migrations,
        .. PriceRulesSchema.Migrations,
        .. PriceSyncStateSchema.Migrations,
        .. AlertSubscriptionSchema.Migrations,
        .. SecretSchema.Migrations,
        .. JournalSchema.Migrations,
        .. ConnectionSchema.Migrations,
        .. ForeignNumberSchema.Migrations,
        .. WorkScheduleSchema.Migrations,
        .. RateBudgetSchema.Migrations,
    ];
}
