namespace Connect.Sdk.Shipments;

/// <summary>
/// A parcel carrier. An extensible enum: the common carriers are static members; adapters map them to
/// their marketplace's carrier codes and may create others.
/// </summary>
public readonly struct Carrier : IEquatable<Carrier>
{
    private readonly string? _value;

    /// <summary>Creates a carrier.</summary>
    /// <param name="value">The carrier's name, e.g. <c>DHL</c>.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public Carrier(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>DHL (parcel).</summary>
    public static Carrier Dhl { get; } = new("DHL");

    /// <summary>DHL Express.</summary>
    public static Carrier DhlExpress { get; } = new("DHL Express");

    /// <summary>Deutsche Post.</summary>
    public static Carrier DeutschePost { get; } = new("Deutsche Post");

    /// <summary>DPD.</summary>
    public static Carrier Dpd { get; } = new("DPD");

    /// <summary>GLS.</summary>
    public static Carrier Gls { get; } = new("GLS");

    /// <summary>Hermes.</summary>
    public static Carrier Hermes { get; } = new("Hermes");

    /// <summary>UPS.</summary>
    public static Carrier Ups { get; } = new("UPS");

    /// <summary>FedEx.</summary>
    public static Carrier Fedex { get; } = new("FedEx");

    /// <summary>USPS.</summary>
    public static Carrier Usps { get; } = new("USPS");

    /// <summary>The carrier's name.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two carriers, ignoring case.</summary>
    /// <param name="left">The first carrier.</param>
    /// <param name="right">The second carrier.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Carrier left, Carrier right) => left.Equals(right);

    /// <summary>Compares two carriers, ignoring case.</summary>
    /// <param name="left">The first carrier.</param>
    /// <param name="right">The second carrier.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Carrier left, Carrier right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Carrier other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Carrier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
