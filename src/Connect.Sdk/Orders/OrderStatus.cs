namespace Connect.Sdk.Orders;

/// <summary>
/// The status of an order on the marketplace, in the SDK's vocabulary. An extensible enum: adapters map
/// their marketplace's statuses onto these, and may create others.
/// </summary>
public readonly struct OrderStatus : IEquatable<OrderStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status.</summary>
    /// <param name="value">A lower-case word such as <c>shipped</c>.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public OrderStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Placed, not yet paid or confirmed.</summary>
    public static OrderStatus Pending { get; } = new("pending");

    /// <summary>Paid or confirmed and waiting to be shipped.</summary>
    public static OrderStatus Open { get; } = new("open");

    /// <summary>Some lines shipped, others not yet.</summary>
    public static OrderStatus PartiallyShipped { get; } = new("partially_shipped");

    /// <summary>Every line shipped.</summary>
    public static OrderStatus Shipped { get; } = new("shipped");

    /// <summary>Shipped and closed.</summary>
    public static OrderStatus Completed { get; } = new("completed");

    /// <summary>Cancelled.</summary>
    public static OrderStatus Cancelled { get; } = new("cancelled");

    /// <summary>The status word.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(OrderStatus left, OrderStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(OrderStatus left, OrderStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(OrderStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrderStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
