using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>A fresh fake shop on a fake clock per test, and a client that sends the shop's token.</summary>
public abstract class ShopifyFakeTestBase : IAsyncLifetime
{
    protected FakeClock Clock { get; } = new(Start);

    protected ShopifyFake Shop { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = Clock });
        Http = Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Shop.DisposeAsync();
    }
}
