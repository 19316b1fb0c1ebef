using Connect.Sdk.Articles;

namespace Connect.Sdk.Tests.ForeignNumbers;

/// <summary>The foreign-number table of DESIGN.md (seed 001, plus the SDK's OTTO and Mirakl choices) as test data.</summary>
public static class ForeignNumberTable
{
    /// <summary>Connector, target, canonical label, alternative labels: the registry must hold exactly these.</summary>
    public static TheoryData<string, string, string, string[]> Rules { get; } = new()
    {
        { "shopify", "Article", "shopifyproductid", [] },
        { "shopify", "Variant", "shopifyvariantid", [] },
        { "woocommerce", "Any", "SKU", [] },
        { "amazon", "Any", "SKU_FBA", [] },
        { "amazon", "Any", "SKU_FBM", [] },
        { "ebay", "Article", "eBayListing", [] },
        { "ebay", "Variant", "SKU", ["Bestandseinheit"] },
        { "kaufland", "Any", "apiunitid", [] },
        { "otto", "Any", "ottosku", [] },
        { "mirakl", "Any", "miraklshopsku", [] },
    };

    /// <summary>
    /// Connector, kind of article, label as the user gives it, foreign number, label as stored: every row of
    /// the table on every article kind it applies to, including eBay's alternative label.
    /// </summary>
    public static TheoryData<string, ArticleKind, string, string, string> Mappings { get; } = new()
    {
        { "shopify", ArticleKind.Simple, "shopifyproductid", "9007199254740993", "shopifyproductid" },
        { "shopify", ArticleKind.MatrixParent, "shopifyproductid", "8123456789012", "shopifyproductid" },
        { "shopify", ArticleKind.Variant, "shopifyvariantid", "40123456789012345", "shopifyvariantid" },
        { "woocommerce", ArticleKind.Simple, "SKU", "WC-MUG", "SKU" },
        { "woocommerce", ArticleKind.MatrixParent, "sku", "WC-SHIRT", "SKU" },
        { "woocommerce", ArticleKind.Variant, "SKU", "WC-SHIRT-S", "SKU" },
        { "amazon", ArticleKind.Simple, "SKU_FBA", "AMZ-MUG-FBA", "SKU_FBA" },
        { "amazon", ArticleKind.Variant, "SKU_FBA", "AMZ-SHIRT-S-FBA", "SKU_FBA" },
        { "amazon", ArticleKind.Simple, "SKU_FBM", "AMZ-MUG-FBM", "SKU_FBM" },
        { "amazon", ArticleKind.Variant, "sku_fbm", "AMZ-SHIRT-S-FBM", "SKU_FBM" },
        { "ebay", ArticleKind.Simple, "eBayListing", "394857261038", "eBayListing" },
        { "ebay", ArticleKind.MatrixParent, "ebaylisting", "394857261039", "eBayListing" },
        { "ebay", ArticleKind.Variant, "SKU", "EB-SHIRT-S", "SKU" },
        { "ebay", ArticleKind.Variant, "Bestandseinheit", "EB-SHIRT-S2", "SKU" },
        { "kaufland", ArticleKind.Simple, "apiunitid", "KL-123456", "apiunitid" },
        { "kaufland", ArticleKind.Variant, "apiunitid", "KL-123457", "apiunitid" },
        { "otto", ArticleKind.Simple, "ottosku", "OTTO-MUG", "ottosku" },
        { "otto", ArticleKind.Variant, "ottosku", "OTTO-SHIRT-S", "ottosku" },
        { "mirakl", ArticleKind.Simple, "miraklshopsku", "MK-MUG", "miraklshopsku" },
        { "mirakl", ArticleKind.MatrixParent, "miraklshopsku", "MK-SHIRT", "miraklshopsku" },
    };

    /// <summary>Connector, kind of article, label that must not fit that kind.</summary>
    public static TheoryData<string, ArticleKind, string> Misfits { get; } = new()
    {
        { "shopify", ArticleKind.Simple, "shopifyvariantid" },
        { "shopify", ArticleKind.MatrixParent, "shopifyvariantid" },
        { "shopify", ArticleKind.Variant, "shopifyproductid" },
        { "ebay", ArticleKind.Variant, "eBayListing" },
        { "ebay", ArticleKind.Simple, "SKU" },
        { "ebay", ArticleKind.MatrixParent, "Bestandseinheit" },
    };
}
