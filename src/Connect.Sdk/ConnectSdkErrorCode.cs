namespace Connect.Sdk;

/// <summary>
/// What kind of failure a <see cref="ConnectSdkException"/> reports: the small, stable set an ERP switches on to decide
/// who acts — the user fixes settings or credentials, the SDK retries later, support looks at the rest. A closed set: new
/// members are additions to the SDK, never a connector's own; a connector's finer reason stays in the message and in
/// <see cref="ConnectSdkException.MarketplaceErrorCodes"/>. See docs/errors.md.
/// </summary>
public enum ConnectSdkErrorCode
{
    /// <summary>A failure of none of the kinds below: a bug, a misconfigured host, a connector without a feature it declares.</summary>
    Failure,

    /// <summary>A connection setting is missing or malformed; the user corrects it (the message names it).</summary>
    SettingsInvalid,

    /// <summary>The marketplace refused the connection's credentials or their access (401, 403, a revoked grant).</summary>
    CredentialsRefused,

    /// <summary>The marketplace kept answering 429 (too many requests) after every retry. Transient.</summary>
    Throttled,

    /// <summary>The marketplace could not be reached, timed out or answered 5xx after every retry. Transient.</summary>
    MarketplaceUnavailable,

    /// <summary>The marketplace refused the request itself with a 4xx other than 401, 403 and 429 (unknown order, invalid value).</summary>
    MarketplaceRefused,

    /// <summary>The marketplace answered success with a body that is not what its documentation describes.</summary>
    AnswerUnreadable,

    /// <summary>A store kept changing under the SDK's attempts to update it (optimistic concurrency). Transient.</summary>
    Conflict,
}
