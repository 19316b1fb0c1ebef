using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Connect.Sdk.Prices;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IPriceRulesStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="PriceRulesStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.PriceRulesStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage, so that rules set by one process are checked as another reads them.
/// </summary>
/// <remarks>
/// Every amount must come back as the same <see cref="decimal"/>, scale included (a floor of 4.90 reads back as 4.90,
/// not 4.9), because the journal explains prices with the numbers the user typed.
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class PriceRulesStoreChecks : StoreContract<IPriceRulesStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");

    // Every field away from its default, amounts with trailing zeros and more decimals than a currency has.
    private static readonly PriceRules Everything = new()
    {
        PriceList = "Händler-Preisgruppe 2",
        Basis = PriceBasis.Net,
        Currency = new CurrencyCode("KWD"),
        MarkupPercent = 12.3456789012345678m,
        PriceEnding = 0.990m,
        Floor = 1234567.890m,
    };

    /// <summary>A connection without rules reads the default rules.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NoneSet_ReturnsTheDefault()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(PriceRules.Default, await store.GetAsync(Shop, CancellationToken.None));
    }

    /// <summary>Every field of set rules reads back as set, each amount with its scale, through the other instance too.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_EveryField_IsReadBackExactlyWithItsScale()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        await store.SetAsync(Shop, Everything, CancellationToken.None);

        foreach (var read in new[] { await store.GetAsync(Shop, CancellationToken.None), await other.GetAsync(Shop, CancellationToken.None) })
        {
            Assert.Equal(Everything, read);
            Assert.Equal("12.3456789012345678", Text(read.MarkupPercent));
            Assert.Equal("0.990", Text(read.PriceEnding));
            Assert.Equal("1234567.890", Text(read.Floor));
        }
    }

    /// <summary>A discount (a negative markup) and a price ending and floor of zero read back as set: zero is not none.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_DiscountAndZeroEndingAndFloor_AreReadBackAsZeroNotNone()
    {
        var store = await CreateStoreAsync();
        var rules = new PriceRules { MarkupPercent = -5.25m, PriceEnding = 0.00m, Floor = 0m, Currency = CurrencyCode.Chf };

        await store.SetAsync(Shop, rules, CancellationToken.None);

        var read = await store.GetAsync(Shop, CancellationToken.None);
        Assert.Equal(rules, read);
        Assert.Equal("-5.25", Text(read.MarkupPercent));
        Assert.Equal("0.00", Text(read.PriceEnding));
        Assert.Equal("0", Text(read.Floor));
    }

    /// <summary>Rules set again replace the earlier ones whole: a price ending and floor set before are gone when the new rules have none.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_Again_ReplacesTheRulesAndANullEndingAndFloorStayNull()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var replacement = new PriceRules { PriceList = "Preisgruppe B2C", Basis = PriceBasis.Gross, Currency = CurrencyCode.Gbp, MarkupPercent = 10m };
        await store.SetAsync(Shop, Everything, CancellationToken.None);

        await other.SetAsync(Shop, replacement, CancellationToken.None);

        var read = await store.GetAsync(Shop, CancellationToken.None);
        Assert.Equal(replacement, read);
        Assert.Null(read.PriceEnding);
        Assert.Null(read.Floor);
    }

    /// <summary>Rules belong to their connection only: other connections keep theirs or the default.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_OnOneConnection_LeavesTheOthersAlone()
    {
        var store = await CreateStoreAsync();
        var second = new ConnectionId("store-kit-second");
        var secondRules = new PriceRules { Currency = CurrencyCode.Usd, PriceEnding = 0.95m };
        await store.SetAsync(second, secondRules, CancellationToken.None);

        await store.SetAsync(Shop, Everything, CancellationToken.None);

        Assert.Equal(secondRules, await store.GetAsync(second, CancellationToken.None));
        Assert.Equal(PriceRules.Default, await store.GetAsync(new ConnectionId("store-kit-other"), CancellationToken.None));
    }

    private static string? Text(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);
}
