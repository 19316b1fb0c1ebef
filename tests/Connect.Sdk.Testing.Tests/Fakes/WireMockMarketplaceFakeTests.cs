using System.Net;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;

namespace Connect.Sdk.Testing.Tests.Fakes;

/// <summary>What every fake does when its own handler breaks: the marketplace's 500, and the bug in plain sight.</summary>
public sealed class WireMockMarketplaceFakeTests
{
    [Fact]
    public async Task HandlerThatThrows_AnswersTheMarketplacesServerFault_AndRecordsTheError()
    {
        await using var fake = new BrokenFake();
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };

        using var broken = await http.GetAsync(new Uri("broken", UriKind.Relative));
        using var working = await http.GetAsync(new Uri("working", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Equal("""{"fault":"own 500"}""", await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        var error = Assert.IsType<InvalidOperationException>(Assert.Single(fake.HandlerErrors));
        Assert.Equal("the fake's bug", error.Message);
        Assert.Same(error, fake.Requests[0].HandlerError);
        Assert.Null(fake.Requests[1].HandlerError);
    }

    private sealed class BrokenFake : WireMockMarketplaceFake
    {
        public BrokenFake()
            : base(null)
        {
            Map("broken.get", "GET", "/broken", _ => throw new InvalidOperationException("the fake's bug"));
            Map("working.get", "GET", "/working", _ => new FakeResponse(200, "{}"));
        }

        public override void SeedArticle(ForeignNumber foreignNumber, int stock) => throw new NotSupportedException();

        public override void SeedOrder(MarketplaceOrder order) => throw new NotSupportedException();

        public override int? StockOf(ForeignNumber foreignNumber) => null;

        public override OrderStatus? StatusOf(string orderNumber) => null;

        public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber) => [];

        protected override FakeResponse NoRoute(FakeCall request) => new(404, "{}");

        protected override FakeResponse ServerFault(int statusCode) => new(statusCode, """{"fault":"own 500"}""");
    }
}
