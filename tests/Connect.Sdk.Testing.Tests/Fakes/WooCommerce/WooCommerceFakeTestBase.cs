using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>
/// A running WooCommerce fake on a fake clock, seeded by the test class, and a client that sends no credentials of its
/// own unless the class asks for Basic keys.
/// </summary>
public abstract class WooCommerceFakeTestBase(bool basicKeys) : IAsyncLifetime
{
    protected FakeClock Clock { get; } = new(Start);

    protected WooCommerceFake Woo { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Woo = WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret), new MarketplaceFakeOptions { Clock = Clock });
        Http = basicKeys ? WooCommerceFakeTests.Client(Woo, Key, Secret) : WooCommerceFakeTests.Client(Woo, key: null, secret: null);
        Seed(Woo);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Woo.DisposeAsync();
    }

    /// <summary>Seeds the shop before each test.</summary>
    protected abstract void Seed(WooCommerceFake woo);

    protected long IdOf(string sku) => (long)Woo.Products().Single(p => (string?)p["sku"] == sku)["id"]!;
}
