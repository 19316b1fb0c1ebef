using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Ebay.Tests.Conformance;

/// <summary>The conformance kit's checks against the eBay fake, with the connector built by <c>AddEbay()</c>.</summary>
public sealed class EbayConnectorConformanceTests : ConnectorConformanceTests
{
    // The SDK's own rules for eBay: an article by its listing id, a variant by its SKU.
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.EbayListing;

    protected override ForeignNumberLabel VariantForeignNumberLabel => ForeignNumberLabel.Sku;

    protected override int OrderPageSize => Connect.Sdk.Ebay.Orders.EbayOrdersFeature.PageSize;

    // An eBay line's SKU is the inventory item's, not the listing id the article is mapped by; eBay gives a line's taxes as amounts
    // without a rate, and no tax of the delivery apart from the lines'.
    protected override IReadOnlyCollection<string> IgnoredOrderFields => ["Lines[].Sku", "Lines[].TaxRate", "ShippingTax"];

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(EbayFake.Start(EbayTestKeys.Credentials));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddEbay();

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => EbayTestKeys.Settings(baseAddress);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => EbayTestKeys.Settings(baseAddress, EbayTestKeys.WrongSecret);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
