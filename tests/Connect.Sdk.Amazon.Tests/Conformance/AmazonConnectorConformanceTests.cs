using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Tests.Conformance;

/// <summary>
/// The conformance kit against the Amazon fake with its documented usage plans switched on. The connector is built
/// through <c>AddAmazon()</c>, and the connector's waits and the fake's buckets run on one <see cref="VirtualTime"/>:
/// pacing waits end at once in real time but move the fake's clock, so the fake refills exactly as Amazon would.
/// </summary>
public sealed class AmazonConnectorConformanceTests : ConnectorConformanceTests, IDisposable
{
    private readonly VirtualTime _time = new(ConnectTestHost.Start.ToDateTimeOffset());
    private ServiceProvider? _services;
    private AmazonSellingPartnerFake? _amazon;

    // The kit's articles are merchant-fulfilled: only their stock is Amazon's to take.
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.SkuFbm;

    protected override int OrderPageSize => Amazon.Orders.AmazonOrdersFeature.PageSize;

    // The default recovery time is kept: the SDK's order runs are fifteen minutes apart and getOrders' bucket holds
    // twenty pages, so the documented rate of one page a minute never holds a check back.
    protected override IReadOnlyCollection<string> IgnoredOrderFields =>
    [
        // Amazon has one identifier for an order, the AmazonOrderId; it is both number and id.
        "MarketplaceOrderId",

        // The Orders API leaves out personal data (buyer e-mail and name, billing address, street lines, phone) unless
        // the caller holds a restricted data token for getOrderAddress/getOrderBuyerInfo, which this connector does not
        // request; only city, region, postal code and country of the shipping address come back.
        "BuyerEmail",
        "BillingAddress",
        "ShippingAddress.Name",
        "ShippingAddress.Company",
        "ShippingAddress.Street",
        "ShippingAddress.AddressLine2",
        "ShippingAddress.Phone",

        // Amazon's PaymentMethod is one of COD, CVS and Other; an ERP's payment words ("invoice") have no place in it.
        "PaymentMethod",

        // An order item carries one seller SKU, which is the foreign number itself: there is no second article number.
        "Lines[].Sku",

        // Order items carry the tax amount (ItemTax), never a rate.
        "Lines[].TaxRate",
    ];

    public void Dispose() => _services?.Dispose();

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);

    protected override ValueTask<IMarketplaceFake> StartFakeAsync()
    {
        _amazon = AmazonTestAccount.StartFake(_time);
        return ValueTask.FromResult<IMarketplaceFake>(_amazon);
    }

    protected override IConnector CreateConnector(ILoggerFactory loggerFactory)
    {
        _services = AmazonTestServices.Build(loggerFactory, _time);
        return _services.Connector();
    }

    // The connector's real rules, exactly as AddAmazon() registers them.
    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Without(ConnectorId.Amazon).With(AmazonConnector.ForeignNumberRules);

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => AmazonTestAccount.Settings(_amazon!);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        AmazonTestAccount.Settings(_amazon!, refreshToken: AmazonTestAccount.WrongRefreshToken);

    // Login with Amazon refuses a wrong refresh token with 400 invalid_grant (OAuth 2.0, RFC 6749 §5.2), not 401.
    protected override bool RefusesCredentials(FakeRequest request) =>
        base.RefusesCredentials(request) || request is { Operation: AmazonOperations.LwaToken, StatusCode: 400 };
}
