using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class ForeignNumberResolverTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(ForeignNumberTable.Mappings), MemberType = typeof(ForeignNumberTable))]
    public async Task FindForeignNumbers_ImportedTableRow_ReturnsItWithTheCanonicalLabel(string connector, ArticleKind kind, string label, string value, string storedLabel)
    {
        var world = new ForeignNumberWorld();
        var id = new ConnectorId(connector);
        var article = ForeignNumberWorld.ArticleOf(kind);
        var report = await world.ImportAsync(id, new ForeignNumberRow(article, label, value));
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));

        var resolution = await world.Resolver.FindForeignNumbersAsync(ForeignNumberWorld.ConnectionOf(id), id, article, None);

        Assert.True(resolution.IsMapped, resolution.Message);
        var found = Assert.Single(resolution.ForeignNumbers);
        Assert.Equal(storedLabel, found.Label.Value);
        Assert.Equal(value, found.Value);
        Assert.Equal(found, resolution.Find(new ForeignNumberLabel(storedLabel)));
    }

    [Theory]
    [MemberData(nameof(ForeignNumberTable.Mappings), MemberType = typeof(ForeignNumberTable))]
    public async Task FindArticle_ForeignNumberOfTableRow_ReturnsTheErpArticle(string connector, ArticleKind kind, string label, string value, string storedLabel)
    {
        var world = new ForeignNumberWorld();
        var id = new ConnectorId(connector);
        var article = ForeignNumberWorld.ArticleOf(kind);
        await world.ImportAsync(id, new ForeignNumberRow(article, label, value));

        // The order line may carry the label as stored or as the user gave it (an alternative such as Bestandseinheit).
        foreach (var sent in new[] { label, storedLabel })
        {
            var resolution = await world.Resolver.FindArticleAsync(ForeignNumberWorld.ConnectionOf(id), id, new ForeignNumber(new ForeignNumberLabel(sent), value), None);

            Assert.True(resolution.IsMapped, resolution.Message);
            Assert.Equal(article, resolution.Article.Number);
            Assert.Equal(kind, resolution.Article.Kind);
            Assert.Equal(storedLabel, resolution.ForeignNumber.Label.Value);
        }
    }

    [Theory]
    [InlineData(ArticleKind.Simple)]
    [InlineData(ArticleKind.MatrixParent)]
    [InlineData(ArticleKind.Variant)]
    public async Task FindForeignNumbers_Shopware_IsTheArticleNumberItself(ArticleKind kind)
    {
        var world = new ForeignNumberWorld();
        var article = ForeignNumberWorld.ArticleOf(kind);

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("shopware-de"), ConnectorId.Shopware, article, None);

        Assert.True(resolution.IsMapped);
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.ArticleNumber, article), Assert.Single(resolution.ForeignNumbers));
    }

    [Theory]
    [InlineData("articlenumber")]
    [InlineData("productNumber")]
    public async Task FindArticle_Shopware_LooksTheProductNumberUpAsErpArticleNumber(string label)
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindArticleAsync(
            new ConnectionId("shopware-de"), ConnectorId.Shopware, new ForeignNumber(new ForeignNumberLabel(label), ForeignNumberWorld.VariantL), None);

        Assert.True(resolution.IsMapped, resolution.Message);
        Assert.Equal(ForeignNumberWorld.VariantL, resolution.Article.Number);
        Assert.Equal(ForeignNumberLabel.ArticleNumber, resolution.ForeignNumber.Label);
    }

    [Fact]
    public async Task FindArticle_ShopwareNumberUnknownToErp_IsNotMappedAndExplainsTheIdentityRule()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindArticleAsync(
            new ConnectionId("shopware-de"), ConnectorId.Shopware, new ForeignNumber(ForeignNumberLabel.ArticleNumber, "SW-999"), None);

        Assert.False(resolution.IsMapped);
        Assert.Contains("the ERP has no article SW-999", resolution.Message, StringComparison.Ordinal);
        Assert.Contains("must equal the Shopware product number", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindForeignNumbers_VariantWithoutMapping_SaysWhichLabelIsMissingOnWhichConnection()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("shopify-de"), ConnectorId.Shopify, ForeignNumberWorld.VariantS, None);

        Assert.False(resolution.IsMapped);
        Assert.Empty(resolution.ForeignNumbers);
        Assert.StartsWith("article M-100-S has no shopifyvariantid on connection shopify-de", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindForeignNumbers_AmazonWithoutMapping_NamesBothFulfilmentLabels()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("amazon-de"), ConnectorId.Amazon, ForeignNumberWorld.Simple, None);

        Assert.StartsWith("article 4711 has no SKU_FBA or SKU_FBM on connection amazon-de", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindForeignNumbers_AmazonWithBoth_ReturnsFbaThenFbm()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Amazon, new ForeignNumberRow("4711", "SKU_FBM", "M"), new ForeignNumberRow("4711", "SKU_FBA", "A"));

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("amazon-de"), ConnectorId.Amazon, "4711", None);

        Assert.Equal(["SKU_FBA A", "SKU_FBM M"], resolution.ForeignNumbers.Select(f => f.ToString()));
    }

    [Fact]
    public async Task FindForeignNumbers_OtherConnection_IsNotMapped()
    {
        var world = new ForeignNumberWorld();
        await world.ImportAsync(ConnectorId.Shopify, new ForeignNumberRow("4711", "shopifyproductid", "1"));

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("shopify-at"), ConnectorId.Shopify, "4711", None);

        Assert.False(resolution.IsMapped);
        Assert.Contains("shopify-at", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindForeignNumbers_StoredLabelThatNoLongerFitsTheKind_IsIgnored()
    {
        var world = new ForeignNumberWorld();
        var connection = new ConnectionId("shopify-de");
        await world.Store.UpsertAsync([new ForeignNumberMapping(connection, "4711", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "1"))], None);

        var resolution = await world.Resolver.FindForeignNumbersAsync(connection, ConnectorId.Shopify, "4711", None);

        Assert.False(resolution.IsMapped);
        Assert.StartsWith("article 4711 has no shopifyproductid", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindForeignNumbers_ArticleUnknownToErp_IsNotMapped()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindForeignNumbersAsync(new ConnectionId("shopify-de"), ConnectorId.Shopify, "0000", None);

        Assert.Equal("the ERP has no article 0000", resolution.Message);
    }

    [Fact]
    public async Task FindArticle_UnknownLabel_ListsTheAllowedLabels()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindArticleAsync(new ConnectionId("ebay-de"), ConnectorId.Ebay, new ForeignNumber(ForeignNumberLabel.SkuFba, "X"), None);

        Assert.False(resolution.IsMapped);
        Assert.Contains("label 'SKU_FBA' is not used by ebay", resolution.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: eBayListing, SKU (or Bestandseinheit)", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindArticle_NoArticleCarriesTheNumber_IsNotMapped()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindArticleAsync(new ConnectionId("otto-de"), ConnectorId.Otto, new ForeignNumber(ForeignNumberLabel.OttoSku, "NOPE"), None);

        Assert.Equal("no article has ottosku 'NOPE' on connection otto-de; import it with the foreign-number CSV", resolution.Message);
    }

    [Fact]
    public async Task FindArticle_MappedArticleDeletedFromErp_IsNotMapped()
    {
        var world = new ForeignNumberWorld();
        var connection = new ConnectionId("otto-de");
        await world.Store.UpsertAsync([new ForeignNumberMapping(connection, "GONE", new ForeignNumber(ForeignNumberLabel.OttoSku, "O-1"))], None);

        var resolution = await world.Resolver.FindArticleAsync(connection, ConnectorId.Otto, new ForeignNumber(ForeignNumberLabel.OttoSku, "O-1"), None);

        Assert.False(resolution.IsMapped);
        Assert.Contains("mapped to article GONE", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindArticle_ConnectorWithoutRules_SaysHowToAddThem()
    {
        var world = new ForeignNumberWorld();

        var resolution = await world.Resolver.FindArticleAsync(new ConnectionId("zalando-de"), new ConnectorId("zalando"), new ForeignNumber(ForeignNumberLabel.Sku, "1"), None);

        Assert.False(resolution.IsMapped);
        Assert.Contains("connector 'zalando' of connection zalando-de has no foreign-number rules", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindArticle_PartnerConnector_ResolvesThroughItsOwnRule()
    {
        var zalando = new ConnectorId("zalando");
        var world = new ForeignNumberWorld(ForeignNumberRules.Default.With(
            new ForeignNumberRule(zalando, ForeignNumberTarget.Variant, new ForeignNumberLabel("zalandosku"), "Zalando SKU")));
        var report = await world.ImportAsync(zalando, new ForeignNumberRow(ForeignNumberWorld.VariantL, "ZALANDOSKU", "Z-L"));
        Assert.Equal(1, report.Imported);

        var resolution = await world.Resolver.FindArticleAsync(ForeignNumberWorld.ConnectionOf(zalando), zalando, new ForeignNumber(new ForeignNumberLabel("zalandosku"), "Z-L"), None);

        Assert.Equal(ForeignNumberWorld.VariantL, resolution.Article?.Number);
    }
}
