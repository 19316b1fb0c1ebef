using Connect.Sdk.Alerts;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
#if XUNIT_V3
using Connect.Sdk.Testing.XunitV3.Stores;
#else
using Connect.Sdk.Testing.Stores;
#endif

// Compiled into the xUnit v2 tests with the v2 shells and into the xUnit v3 tests with the v3 shells: the same in-memory
// stores pass the same checks under both.
namespace Connect.Sdk.Testing.Tests.Stores;

/// <summary>The in-memory journal store passes the store conformance kit.</summary>
public sealed class InMemoryJournalStoreTests : JournalStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IJournalStore> CreateStoreAsync() => ValueTask.FromResult<IJournalStore>(new InMemoryJournalStore());
}

/// <summary>The in-memory lease store passes the store conformance kit.</summary>
public sealed class InMemoryWorkLeaseStoreTests : WorkLeaseStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> CreateStoreAsync() => ValueTask.FromResult<IWorkLeaseStore>(new InMemoryWorkLeaseStore());
}

/// <summary>The in-memory schedule store passes the store conformance kit.</summary>
public sealed class InMemoryWorkScheduleStoreTests : WorkScheduleStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IWorkScheduleStore> CreateStoreAsync() => ValueTask.FromResult<IWorkScheduleStore>(new InMemoryWorkScheduleStore());
}

/// <summary>The in-memory connection store passes the store conformance kit.</summary>
public sealed class InMemoryConnectionStoreTests : ConnectionStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IConnectionStore> CreateStoreAsync() => ValueTask.FromResult<IConnectionStore>(new InMemoryConnectionStore());
}

/// <summary>The in-memory imported-order ledger passes the store conformance kit.</summary>
public sealed class InMemoryImportedOrderLedgerTests : ImportedOrderLedgerContract
{
    private readonly InMemoryWorkLeaseStore _leases = new();

    /// <inheritdoc/>
    protected override ValueTask<IImportedOrderLedger> CreateStoreAsync() => ValueTask.FromResult<IImportedOrderLedger>(new InMemoryImportedOrderLedger(_leases));

    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IImportedOrderLedger store) => ValueTask.FromResult<IWorkLeaseStore>(_leases);
}

/// <summary>The in-memory foreign-number store passes the store conformance kit.</summary>
public sealed class InMemoryForeignNumberStoreTests : ForeignNumberStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IForeignNumberStore> CreateStoreAsync() => ValueTask.FromResult<IForeignNumberStore>(new InMemoryForeignNumberStore());
}

/// <summary>The in-memory order staging store passes the store conformance kit.</summary>
public sealed class InMemoryOrderStagingStoreTests : OrderStagingStoreContract
{
    private readonly InMemoryWorkLeaseStore _leases = new();

    /// <inheritdoc/>
    protected override ValueTask<IOrderStagingStore> CreateStoreAsync() => ValueTask.FromResult<IOrderStagingStore>(new InMemoryOrderStagingStore(_leases));

    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IOrderStagingStore store) => ValueTask.FromResult<IWorkLeaseStore>(_leases);
}

/// <summary>The in-memory order-status outbox passes the store conformance kit.</summary>
public sealed class InMemoryOrderStatusOutboxTests : OrderStatusOutboxContract
{
    private readonly InMemoryWorkLeaseStore _leases = new();

    /// <inheritdoc/>
    protected override ValueTask<IOrderStatusOutbox> CreateStoreAsync() => ValueTask.FromResult<IOrderStatusOutbox>(new InMemoryOrderStatusOutbox(_leases));

    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IOrderStatusOutbox store) => ValueTask.FromResult<IWorkLeaseStore>(_leases);
}

/// <summary>The in-memory alert subscription store passes the store conformance kit.</summary>
public sealed class InMemoryAlertSubscriptionStoreTests : AlertSubscriptionStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IAlertSubscriptionStore> CreateStoreAsync() => ValueTask.FromResult<IAlertSubscriptionStore>(new InMemoryAlertSubscriptionStore());
}

/// <summary>The in-memory stock rules store passes the store conformance kit.</summary>
public sealed class InMemoryStockRulesStoreTests : StockRulesStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IStockRulesStore> CreateStoreAsync() => ValueTask.FromResult<IStockRulesStore>(new InMemoryStockRulesStore());
}

/// <summary>The in-memory stock sync state store passes the store conformance kit.</summary>
public sealed class InMemoryStockSyncStateStoreTests : StockSyncStateStoreContract
{
    private readonly InMemoryWorkLeaseStore _leases = new();

    /// <inheritdoc/>
    protected override ValueTask<IStockSyncStateStore> CreateStoreAsync() => ValueTask.FromResult<IStockSyncStateStore>(new InMemoryStockSyncStateStore(_leases));

    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IStockSyncStateStore store) => ValueTask.FromResult<IWorkLeaseStore>(_leases);
}

/// <summary>The in-memory secret store passes the store conformance kit.</summary>
public sealed class InMemorySecretStoreTests : SecretStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<ISecretStore> CreateStoreAsync() => ValueTask.FromResult<ISecretStore>(new InMemorySecretStore());
}

/// <summary>The in-memory rate budget store passes the store conformance kit.</summary>
public sealed class InMemoryRateBudgetStoreTests : RateBudgetStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IRateBudgetStore> CreateStoreAsync() => ValueTask.FromResult<IRateBudgetStore>(new InMemoryRateBudgetStore());
}

/// <summary>The in-memory price rules store passes the store conformance kit.</summary>
public sealed class InMemoryPriceRulesStoreTests : PriceRulesStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IPriceRulesStore> CreateStoreAsync() => ValueTask.FromResult<IPriceRulesStore>(new InMemoryPriceRulesStore());
}

/// <summary>The in-memory price sync state store passes the store conformance kit.</summary>
public sealed class InMemoryPriceSyncStateStoreTests : PriceSyncStateStoreContract
{
    private readonly InMemoryWorkLeaseStore _leases = new();

    /// <inheritdoc/>
    protected override ValueTask<IPriceSyncStateStore> CreateStoreAsync() => ValueTask.FromResult<IPriceSyncStateStore>(new InMemoryPriceSyncStateStore(_leases));

    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IPriceSyncStateStore store) => ValueTask.FromResult<IWorkLeaseStore>(_leases);
}
