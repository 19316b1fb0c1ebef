using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class ForeignNumberRulesTests
{
    [Theory]
    [MemberData(nameof(ForeignNumberTable.Rules), MemberType = typeof(ForeignNumberTable))]
    public void Default_EveryTableRow_IsARule(string connector, string target, string label, string[] alternatives)
    {
        var scheme = ForeignNumberRules.Default.Find(new ConnectorId(connector));

        Assert.NotNull(scheme);
        Assert.False(scheme.IsIdentity);
        var rule = scheme.Rules.Single(r => r.Label.Value == label);
        Assert.Equal(Enum.Parse<ForeignNumberTarget>(target), rule.Target);
        Assert.Equal(alternatives, rule.AlternativeLabels.Select(l => l.Value));
        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
    }

    [Fact]
    public void Default_HoldsNothingBeyondTheTable()
    {
        var labelled = ForeignNumberRules.Default.Schemes.Where(s => !s.IsIdentity).SelectMany(s => s.Rules).ToArray();

        Assert.Equal(ForeignNumberTable.Rules.Count, labelled.Length);
        Assert.Equal(
            ["amazon", "ebay", "kaufland", "mirakl", "otto", "shopify", "shopware", "woocommerce"],
            ForeignNumberRules.Default.Schemes.Select(s => s.Connector.Value));
    }

    [Fact]
    public void Default_Shopware_UsesTheIdentityRuleWithoutLabels()
    {
        var scheme = ForeignNumberRules.Default.Find(ConnectorId.Shopware);

        Assert.NotNull(scheme);
        Assert.True(scheme.IsIdentity);
        Assert.Empty(scheme.Rules);
        Assert.Contains("ERP article number must equal the Shopware product number", scheme.IdentityDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BESTANDSEINHEIT")]
    [InlineData("bestandseinheit")]
    [InlineData("sku")]
    public void FindRule_AlternativeOrOtherCase_FindsTheCanonicalRule(string given)
    {
        var rule = ForeignNumberRules.Default.Find(ConnectorId.Ebay)!.FindRule(new ForeignNumberLabel(given));

        Assert.NotNull(rule);
        Assert.Equal("SKU", rule.Label.Value);
        Assert.Equal(ForeignNumberTarget.Variant, rule.Target);
    }

    [Fact]
    public void FindRule_LabelOfAnotherConnector_IsNull()
    {
        Assert.Null(ForeignNumberRules.Default.Find(ConnectorId.Shopify)!.FindRule(ForeignNumberLabel.SkuFba));
    }

    [Theory]
    [InlineData(ForeignNumberTarget.Article, ArticleKind.Simple, true)]
    [InlineData(ForeignNumberTarget.Article, ArticleKind.MatrixParent, true)]
    [InlineData(ForeignNumberTarget.Article, ArticleKind.Variant, false)]
    [InlineData(ForeignNumberTarget.Variant, ArticleKind.Simple, false)]
    [InlineData(ForeignNumberTarget.Variant, ArticleKind.MatrixParent, false)]
    [InlineData(ForeignNumberTarget.Variant, ArticleKind.Variant, true)]
    [InlineData(ForeignNumberTarget.Any, ArticleKind.Simple, true)]
    [InlineData(ForeignNumberTarget.Any, ArticleKind.MatrixParent, true)]
    [InlineData(ForeignNumberTarget.Any, ArticleKind.Variant, true)]
    public void AppliesTo_TargetAndKind_MatchesTheTable(ForeignNumberTarget target, ArticleKind kind, bool expected)
    {
        var rule = new ForeignNumberRule(new ConnectorId("x"), target, new ForeignNumberLabel("xid"), "X id");

        Assert.Equal(expected, rule.AppliesTo(kind));
    }

    [Fact]
    public void With_PartnerConnector_AddsItWithoutChangingTheOriginal()
    {
        var zalando = new ConnectorId("zalando");

        var rules = ForeignNumberRules.Default.With(
            new ForeignNumberRule(zalando, ForeignNumberTarget.Any, new ForeignNumberLabel("zalandoean"), "Zalando EAN", new ForeignNumberLabel("ean")));

        Assert.Null(ForeignNumberRules.Default.Find(zalando));
        var rule = rules.Find(zalando)!.FindRule(new ForeignNumberLabel("EAN"));
        Assert.NotNull(rule);
        Assert.Equal("zalandoean", rule.Label.Value);
        Assert.NotNull(rules.Find(ConnectorId.Shopify));
    }

    [Fact]
    public void With_ExistingConnector_AppendsTheRule()
    {
        var rules = ForeignNumberRules.Default.With(
            new ForeignNumberRule(ConnectorId.Kaufland, ForeignNumberTarget.Any, new ForeignNumberLabel("kauflandean"), "Kaufland EAN"));

        Assert.Equal(["apiunitid", "kauflandean"], rules.Find(ConnectorId.Kaufland)!.Rules.Select(r => r.Label.Value));
    }

    [Fact]
    public void With_LabelTheConnectorAlreadyUses_IsRefused()
    {
        var clash = new ForeignNumberRule(ConnectorId.Ebay, ForeignNumberTarget.Article, new ForeignNumberLabel("ebaysku"), "clash", new ForeignNumberLabel("BESTANDSEINHEIT"));

        var ex = Assert.Throws<ArgumentException>(() => ForeignNumberRules.Default.With(clash));

        Assert.Contains("BESTANDSEINHEIT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_LabelRuleForIdentityConnector_IsRefused()
    {
        var rule = new ForeignNumberRule(ConnectorId.Shopware, ForeignNumberTarget.Any, new ForeignNumberLabel("swid"), "Shopware id");

        var ex = Assert.Throws<ArgumentException>(() => ForeignNumberRules.Default.With(rule));

        Assert.Contains("identity rule", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithIdentity_ConnectorWithLabels_IsRefused_UnlessRemovedFirst()
    {
        Assert.Throws<ArgumentException>(() => ForeignNumberRules.Default.WithIdentity(ConnectorId.Otto, "same numbers"));

        var rules = ForeignNumberRules.Default.Without(ConnectorId.Otto).WithIdentity(ConnectorId.Otto, "the ERP article number must equal the OTTO SKU");

        Assert.True(rules.Find(ConnectorId.Otto)!.IsIdentity);
        Assert.False(ForeignNumberRules.Default.Find(ConnectorId.Otto)!.IsIdentity);
    }

    [Fact]
    public void Rule_ReservedArticleNumberLabel_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            new ForeignNumberRule(new ConnectorId("x"), ForeignNumberTarget.Any, ForeignNumberLabel.ArticleNumber, "no"));
    }

    [Fact]
    public void Rule_AlternativeRepeatingTheLabel_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            new ForeignNumberRule(new ConnectorId("x"), ForeignNumberTarget.Any, new ForeignNumberLabel("xid"), "X", new ForeignNumberLabel("XID")));
    }
}
