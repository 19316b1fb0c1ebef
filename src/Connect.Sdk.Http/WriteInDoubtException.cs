namespace Connect.Sdk.Http;

/// <summary>
/// A write went out and no answer came back: the connection dropped mid-response, the answer was cut off, or the
/// request timed out. The marketplace may or may not have applied it, so sending it again could apply it twice. The
/// adapter resolves the doubt by reading the marketplace's state back (the stock level, the shipments of the order)
/// before it sends anything again.
/// </summary>
/// <remarks>
/// A write that provably never left (no connection could be made) fails with a plain <see cref="HttpRequestException"/>
/// instead. A cancelled write surfaces as <see cref="OperationCanceledException"/>; it is in doubt as well, and the
/// adapter's next run resolves it the same way. The message names the method, the redacted URI and the operation,
/// never a secret.
/// </remarks>
public sealed class WriteInDoubtException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was sent and what happened, already redacted.</param>
    /// <param name="operation">The marketplace operation, if the adapter named it.</param>
    /// <param name="error">The transport's classification of the failure.</param>
    /// <param name="statusCode">The status a lower layer reported with the failure, if any.</param>
    public WriteInDoubtException(string message, string? operation, HttpRequestError error, System.Net.HttpStatusCode? statusCode = null)
        : base(error, message, inner: null, statusCode)
    {
        Operation = operation;
    }

    /// <summary>The marketplace operation the write performed (see <see cref="MarketplaceRequest.Operation"/>), if named.</summary>
    public string? Operation { get; }

    /// <summary>
    /// Whether a failure is a write in doubt, itself or wrapped: a <see cref="MarketplaceClient"/> reports it as a
    /// <see cref="ConnectSdkException"/> with <see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>, not transient,
    /// wrapping this exception. The feature that wrote reads the marketplace's state back before it sends anything again:
    /// <c>catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))</c>.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> when the failure or one it wraps is a <see cref="WriteInDoubtException"/>.</returns>
    public static bool In(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is WriteInDoubtException)
            {
                return true;
            }
        }

        return false;
    }
}
