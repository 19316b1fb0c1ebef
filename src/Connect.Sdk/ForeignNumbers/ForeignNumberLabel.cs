namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The label ("Bezeichnung") that says what kind of marketplace identifier a foreign number is, such as
/// <c>shopifyvariantid</c> or <c>SKU_FBM</c>. An extensible enum: the seed's labels are static members,
/// and a partner's connector defines its own.
/// </summary>
/// <remarks>Labels compare case-insensitively; <see cref="Value"/> keeps the spelling it was created with.</remarks>
public readonly struct ForeignNumberLabel : IEquatable<ForeignNumberLabel>
{
    private readonly string? _value;

    /// <summary>Creates a label.</summary>
    /// <param name="value">The label as users type it in the foreign-number CSV.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public ForeignNumberLabel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>Shopify product id (<c>shopifyproductid</c>), for simple articles and matrix parents.</summary>
    public static ForeignNumberLabel ShopifyProductId { get; } = new("shopifyproductid");

    /// <summary>Shopify variant id (<c>shopifyvariantid</c>), for variants.</summary>
    public static ForeignNumberLabel ShopifyVariantId { get; } = new("shopifyvariantid");

    /// <summary>A stock keeping unit (<c>SKU</c>): WooCommerce products, eBay variants.</summary>
    public static ForeignNumberLabel Sku { get; } = new("SKU");

    /// <summary>Amazon seller SKU of an article fulfilled by Amazon (<c>SKU_FBA</c>).</summary>
    public static ForeignNumberLabel SkuFba { get; } = new("SKU_FBA");

    /// <summary>Amazon seller SKU of an article fulfilled by the merchant (<c>SKU_FBM</c>).</summary>
    public static ForeignNumberLabel SkuFbm { get; } = new("SKU_FBM");

    /// <summary>eBay listing (item) id (<c>eBayListing</c>).</summary>
    public static ForeignNumberLabel EbayListing { get; } = new("eBayListing");

    /// <summary>The German alternative label for an eBay variant's SKU (<c>Bestandseinheit</c>).</summary>
    public static ForeignNumberLabel Bestandseinheit { get; } = new("Bestandseinheit");

    /// <summary>Kaufland unit id (<c>apiunitid</c>).</summary>
    public static ForeignNumberLabel ApiUnitId { get; } = new("apiunitid");

    /// <summary>OTTO Market partner SKU (<c>ottosku</c>), the SDK's label for OTTO.</summary>
    public static ForeignNumberLabel OttoSku { get; } = new("ottosku");

    /// <summary>Mirakl offer shop SKU (<c>miraklshopsku</c>), the SDK's label for Mirakl marketplaces.</summary>
    public static ForeignNumberLabel MiraklShopSku { get; } = new("miraklshopsku");

    /// <summary>
    /// The ERP article number itself (<c>articlenumber</c>): the label the SDK gives the foreign number of an
    /// article on a connector with the identity rule (Shopware), where the ERP article number <em>is</em> the
    /// marketplace's number. Never stored; no connector may use it as a rule label.
    /// </summary>
    public static ForeignNumberLabel ArticleNumber { get; } = new("articlenumber");

    /// <summary>The label as created.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two labels, ignoring case.</summary>
    /// <param name="left">The first label.</param>
    /// <param name="right">The second label.</param>
    /// <returns><see langword="true"/> when they are the same label.</returns>
    public static bool operator ==(ForeignNumberLabel left, ForeignNumberLabel right) => left.Equals(right);

    /// <summary>Compares two labels, ignoring case.</summary>
    /// <param name="left">The first label.</param>
    /// <param name="right">The second label.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ForeignNumberLabel left, ForeignNumberLabel right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ForeignNumberLabel other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ForeignNumberLabel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
