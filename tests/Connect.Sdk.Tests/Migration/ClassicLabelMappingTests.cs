using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using static Connect.Sdk.Tests.Migration.MigrationWorld;

namespace Connect.Sdk.Tests.Migration;

/// <summary>How each classic label of the seed's table maps to each connector's foreign-number rules.</summary>
public sealed class ClassicLabelMappingTests
{
    public static TheoryData<string, string, string, string?, ForeignNumberTarget?> Labels => new()
    {
        { "shopify", "4711", "shopifyproductid", "shopifyproductid", ForeignNumberTarget.Article },
        { "shopify", "M-100-S", "shopifyvariantid", "shopifyvariantid", ForeignNumberTarget.Variant },
        { "shopify", "4711", "SKU", null, null },
        { "woocommerce", "4711", "SKU", "SKU", ForeignNumberTarget.Any },
        { "woocommerce", "4711", "shopifyproductid", null, null },
        { "amazon", "4711", "SKU_FBA", "SKU_FBA", ForeignNumberTarget.Any },
        { "amazon", "4711", "SKU_FBM", "SKU_FBM", ForeignNumberTarget.Any },
        { "amazon", "4711", "eBayListing", null, null },
        { "ebay", "M-100-S", "Bestandseinheit", "SKU", ForeignNumberTarget.Variant },
        { "zalando", "M-100-S", "zalandosimplesku", "zalandosimplesku", ForeignNumberTarget.Variant },
        { "zalando", "4711", "apiunitid", null, null },
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task DryRunAsync_ClassicLabel_MapsToTheConnectorsRule(string connector, string article, string classicLabel, string? connectorLabel, ForeignNumberTarget? target)
    {
        var world = new MigrationWorld();

        var report = await world.DryRunAsync(Export($"{article};{classicLabel};X-1\n", new ConnectorId(connector)));

        var mapping = Assert.Single(report.LabelMappings);
        Assert.Equal((classicLabel, 1), (mapping.ClassicLabel, mapping.Rows));
        Assert.Equal(connectorLabel, mapping.Rule?.Label.Value);
        Assert.Equal(target, mapping.Rule?.Target);
        Assert.Equal(connectorLabel is null ? 0 : 1, report.ForeignNumbersCreated);
    }

    [Fact]
    public async Task DryRunAsync_AlternativeLabel_SaysUnderWhichLabelItIsStored()
    {
        var world = new MigrationWorld();

        var report = await world.DryRunAsync(Export("M-100-S;Bestandseinheit;V-1\n", ConnectorId.Ebay));

        Assert.EndsWith("; stored as SKU", Assert.Single(report.LabelMappings).Description, StringComparison.Ordinal);
    }
}
