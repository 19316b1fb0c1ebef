namespace Connect.Sdk;

/// <summary>
/// The identity of one connection: one configured instance of a connector (e.g. "the Shopify shop
/// for Germany"). A connector can have many connections.
/// </summary>
public readonly record struct ConnectionId
{
    private readonly string? _value;

    /// <summary>Creates a connection id.</summary>
    /// <param name="value">A non-empty id chosen by the host, e.g. <c>shopify-de</c>.</param>
    /// <exception cref="ArgumentException">The value is empty or longer than 200 characters.</exception>
    public ConnectionId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length > 200)
        {
            throw new ArgumentException("A connection id has at most 200 characters.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The id as a string.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The connection id was default-initialised.");

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}
