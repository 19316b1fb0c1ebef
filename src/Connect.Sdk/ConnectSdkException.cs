namespace Connect.Sdk;

/// <summary>
/// The one exception type the SDK throws for broken infrastructure or a marketplace that answers in a
/// way the SDK cannot use. Expected outcomes (a refused lifecycle transition, an invalid CSV row, a
/// record the marketplace rejected) are results, not exceptions.
/// </summary>
/// <remarks>
/// The message never contains a secret: tokens, keys and signed URLs are redacted before an exception
/// is built.
/// </remarks>
public sealed class ConnectSdkException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, in words a support engineer can act on.</param>
    public ConnectSdkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectSdkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with no message; prefer the constructors that take one.</summary>
    public ConnectSdkException()
        : base("A Connect.Sdk operation failed.")
    {
    }

    /// <summary>The connection the failure belongs to, when known.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The record the failure belongs to (an article number, an order number), when known.</summary>
    public string? RecordKey { get; init; }

    /// <summary>The marketplace's HTTP status code, when the failure came from a marketplace response.</summary>
    public int? MarketplaceStatusCode { get; init; }

    /// <summary>
    /// Whether the marketplace refused the connection's credentials or their access (Shopify's <c>ACCESS_DENIED</c>),
    /// where the HTTP status does not say so: a 401 or 403 in <see cref="MarketplaceStatusCode"/> counts anyway. Such
    /// a failure pauses the connection's automatic work until the user corrects the settings.
    /// </summary>
    public bool CredentialsRefused { get; init; }
}
