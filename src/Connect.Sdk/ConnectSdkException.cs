namespace Connect.Sdk;

/// <summary>
/// The one exception type the SDK and its connectors throw for broken infrastructure or a marketplace that answers in a
/// way the SDK cannot use. Expected outcomes (a refused lifecycle transition, an invalid CSV row, a record the
/// marketplace rejected) are results, not exceptions. Switch on <see cref="Code"/>; retry later when
/// <see cref="IsTransient"/>.
/// </summary>
/// <remarks>
/// The message never contains a secret: tokens, keys and signed URLs are redacted before an exception is built.
/// Subclasses add what one kind of failure knows (<see cref="Settings.ConnectionSettingException"/> names the setting);
/// catching <see cref="ConnectSdkException"/> catches them all.
/// </remarks>
public class ConnectSdkException : Exception
{
    private readonly ConnectSdkErrorCode? _code;
    private readonly bool? _transient;

    /// <summary>Creates an exception with a message; its <see cref="Code"/> follows from the properties set.</summary>
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

    /// <summary>Creates an exception of a kind.</summary>
    /// <param name="code">What kind of failure it is.</param>
    /// <param name="message">What went wrong, in words a support engineer can act on.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConnectSdkException(ConnectSdkErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        _code = code;
    }

    /// <summary>Creates an exception with no message; prefer the constructors that take one.</summary>
    public ConnectSdkException()
        : base("A Connect.Sdk operation failed.")
    {
    }

    /// <summary>
    /// What kind of failure this is. When the thrower gave none, it follows from the rest: a refusal of the credentials
    /// is <see cref="ConnectSdkErrorCode.CredentialsRefused"/>; otherwise <see cref="MarketplaceStatusCode"/> decides
    /// (401 and 403 credentials, 429 throttled, 408 and 5xx unavailable, other 4xx refused, 2xx an unreadable answer);
    /// without either it is <see cref="ConnectSdkErrorCode.Failure"/>.
    /// </summary>
    public ConnectSdkErrorCode Code
    {
        get => _code ?? FromStatus(MarketplaceStatusCode);
        init => _code = value;
    }

    /// <summary>
    /// Whether the same call may succeed later without anyone changing anything. By default
    /// <see cref="ConnectSdkErrorCode.Throttled"/>, <see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/> and
    /// <see cref="ConnectSdkErrorCode.Conflict"/> are; a thrower that knows better sets it.
    /// </summary>
    public bool IsTransient
    {
        get => _transient ?? Code is ConnectSdkErrorCode.Throttled or ConnectSdkErrorCode.MarketplaceUnavailable or ConnectSdkErrorCode.Conflict;
        init => _transient = value;
    }

    /// <summary>The connection the failure belongs to, when known.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The record the failure belongs to (an article number, an order number), when known.</summary>
    public string? RecordKey { get; init; }

    /// <summary>The marketplace's HTTP status code, when the failure came from a marketplace response.</summary>
    public int? MarketplaceStatusCode { get; init; }

    /// <summary>
    /// The marketplace's own error codes from its answer (Shopify's <c>extensions.code</c> such as <c>ACCESS_DENIED</c>,
    /// Amazon's <c>errors[].code</c>), for support and for a connector's own decisions; empty when it gave none.
    /// </summary>
    public IReadOnlyList<string> MarketplaceErrorCodes { get; init; } = [];

    /// <summary>
    /// Whether the marketplace refused the connection's credentials or their access: <see cref="Code"/> is
    /// <see cref="ConnectSdkErrorCode.CredentialsRefused"/>. Setting it <see langword="true"/> sets that code, for a
    /// refusal the HTTP status does not show (Shopify's <c>ACCESS_DENIED</c> with 200). Such a failure pauses the
    /// connection's automatic work until the user corrects the settings.
    /// </summary>
    public bool CredentialsRefused
    {
        get => Code == ConnectSdkErrorCode.CredentialsRefused;
        init
        {
            if (value)
            {
                _code = ConnectSdkErrorCode.CredentialsRefused;
            }
        }
    }

    private static ConnectSdkErrorCode FromStatus(int? status) => status switch
    {
        401 or 403 => ConnectSdkErrorCode.CredentialsRefused,
        429 => ConnectSdkErrorCode.Throttled,
        408 or >= 500 => ConnectSdkErrorCode.MarketplaceUnavailable,
        >= 400 => ConnectSdkErrorCode.MarketplaceRefused,
        >= 200 and < 300 => ConnectSdkErrorCode.AnswerUnreadable,
        _ => ConnectSdkErrorCode.Failure,
    };
}
