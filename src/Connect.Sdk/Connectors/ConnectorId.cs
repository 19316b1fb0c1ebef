namespace Connect.Sdk.Connectors;

/// <summary>
/// The stable id of a connector type, such as <c>shopify</c>. An extensible enum: the well-known
/// marketplaces are static members, and a partner's connector creates its own value.
/// </summary>
/// <remarks>Ids are compared case-insensitively and kept in lower case.</remarks>
public readonly struct ConnectorId : IEquatable<ConnectorId>
{
    private readonly string? _value;

    /// <summary>Creates a connector id.</summary>
    /// <param name="value">Letters, digits, '-' or '_', e.g. <c>my-marketplace</c>.</param>
    /// <exception cref="ArgumentException">The value is empty or has other characters.</exception>
    public ConnectorId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Connector id '{value}' may hold only letters, digits, '-' and '_'.", nameof(value));
        }

        _value = value.ToLowerInvariant();
    }

    /// <summary>Shopify (online shop).</summary>
    public static ConnectorId Shopify { get; } = new("shopify");

    /// <summary>WooCommerce (online shop).</summary>
    public static ConnectorId WooCommerce { get; } = new("woocommerce");

    /// <summary>Amazon Selling Partner API (marketplace).</summary>
    public static ConnectorId Amazon { get; } = new("amazon");

    /// <summary>eBay (marketplace).</summary>
    public static ConnectorId Ebay { get; } = new("ebay");

    /// <summary>Kaufland Marketplace (marketplace).</summary>
    public static ConnectorId Kaufland { get; } = new("kaufland");

    /// <summary>OTTO Market (marketplace).</summary>
    public static ConnectorId Otto { get; } = new("otto");

    /// <summary>Shopware 6 (online shop).</summary>
    public static ConnectorId Shopware { get; } = new("shopware");

    /// <summary>A Mirakl-operated marketplace.</summary>
    public static ConnectorId Mirakl { get; } = new("mirakl");

    /// <summary>The id in lower case.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when both name the same connector.</returns>
    public static bool operator ==(ConnectorId left, ConnectorId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they name different connectors.</returns>
    public static bool operator !=(ConnectorId left, ConnectorId right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ConnectorId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConnectorId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
