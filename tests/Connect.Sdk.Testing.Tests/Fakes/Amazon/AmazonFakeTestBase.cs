using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

/// <summary>
/// A running Amazon fake on a fake clock with an FBM SKU (MUG-BLUE, 40) and an FBA SKU (MUG-RED, 15) listed,
/// and a client that already holds an access token.
/// </summary>
public abstract class AmazonFakeTestBase : IAsyncLifetime
{
    protected AmazonFakeTestBase(Instant now) => Clock = new FakeClock(now);

    protected FakeClock Clock { get; }

    protected AmazonSellingPartnerFake Amazon { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Amazon = StartAmazon(Clock);
        Amazon.SeedArticle(Fbm("MUG-BLUE"), 40);
        Amazon.SeedArticle(Fba("MUG-RED"), 15);
        Http = await ClientAsync(Amazon);
    }

    /// <summary>Sends a <c>patchListingsItem</c> for a SKU on the test marketplace.</summary>
    protected Task<HttpResponseMessage> Patch(string sku, JsonObject body, string extraQuery = "") => Http.PatchAsync(
        new Uri($"listings/2021-08-01/items/{SellerId}/{sku}?marketplaceIds={Marketplace}{extraQuery}", UriKind.Relative),
        new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Amazon.DisposeAsync();
    }
}
