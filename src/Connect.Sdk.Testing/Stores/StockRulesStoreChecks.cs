using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Stock;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IStockRulesStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="StockRulesStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.StockRulesStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockRulesStoreChecks : StoreContract<IStockRulesStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");

    /// <summary>A connection without rules reads the default rules.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NoneSet_ReturnsTheDefault()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(StockRules.Default, await store.GetAsync(Shop, CancellationToken.None));
    }

    /// <summary>Set rules read back as set, replace earlier ones, and belong to their connection only.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_Rules_AreReadBackPerConnection()
    {
        var store = await CreateStoreAsync();
        var first = new StockRules { SafetyBuffer = 2.5m, PublishPercentage = 80, Cap = 50 };
        var second = new StockRules { SafetyBuffer = 1m, PublishPercentage = 100, Cap = null };

        await store.SetAsync(Shop, first, CancellationToken.None);
        Assert.Equal(first, await store.GetAsync(Shop, CancellationToken.None));
        await store.SetAsync(Shop, second, CancellationToken.None);

        Assert.Equal(second, await store.GetAsync(Shop, CancellationToken.None));
        Assert.Equal(StockRules.Default, await store.GetAsync(new ConnectionId("store-kit-other"), CancellationToken.None));
    }
}
