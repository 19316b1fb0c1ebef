namespace Connect.Sdk;

/// <summary>
/// Recognises a failure that is about the connection, not its records: the marketplace refused the credentials — a
/// connector's <see cref="ConnectSdkException"/> with <see cref="ConnectSdkException.MarketplaceStatusCode"/> 401 or 403,
/// or with <see cref="ConnectSdkException.CredentialsRefused"/>. Every further call would fail the same way until a
/// person corrects the settings, so such a failure pauses the connection's automatic work instead of failing record
/// after record. A connector that turns failed calls into failed records lets these through instead:
/// <c>catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex))</c>. A bare <see cref="HttpRequestException"/>
/// with 401 or 403 is not one: it may come from the ERP's side (a stock source, a catalog), whose refusal the
/// marketplace's settings cannot mend, so it fails the run as any other failure does.
/// </summary>
public static class CredentialsRefusal
{
    /// <summary>What a record the refusal kept from the marketplace says meanwhile.</summary>
    internal const string Waiting = "the marketplace refused the connection's credentials, and its automatic work is paused until they are corrected (see the connection's journal tab)";

    /// <summary>Whether the failure, or one it wraps, is a refusal of the credentials.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for a connector's exception with the marketplace's 401 or 403, or with <see cref="ConnectSdkException.CredentialsRefused"/>.</returns>
    public static bool In(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ConnectSdkException { CredentialsRefused: true } or ConnectSdkException { MarketplaceStatusCode: 401 or 403 })
            {
                return true;
            }
        }

        return false;
    }
}
