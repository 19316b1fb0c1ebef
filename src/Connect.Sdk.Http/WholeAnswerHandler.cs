using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Http;

/// <summary>
/// Reads each answer's body inside the attempt, so that an answer cut off on its way is a failed attempt the resilience
/// pipeline sees: retried for a read, in doubt for a write. HttpClient itself buffers the body only after the whole
/// handler chain has returned, outside every retry, where a cut-off body would fail the caller instead. A JSON body that
/// stops in the middle of a value counts as cut off too: every marketplace answers with whole JSON documents, and a
/// prefix of one is what a connection closed mid-answer leaves when the framing did not show it.
/// </summary>
internal sealed class WholeAnswerHandler(string client, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The answer ({status}) was cut off while its body was read: {exception.Message}", exception, response.StatusCode);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (IsJson(response.Content) && await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) is var body && EndsMidDocument(body))
        {
            response.Dispose();
            // Where the body ends differs with every cut: the log has it, the message a journal shows stays the same.
            logger.CutOff(client, MarketplaceRequest.OperationOf(request) ?? "-", status, body.Length);
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                string.Create(CultureInfo.InvariantCulture, $"The answer ({status}) was cut off: its JSON ends in the middle of the document."),
                inner: null,
                response.StatusCode);
        }

        return response;
    }

    private static bool IsJson(HttpContent content) =>
        content.Headers.ContentType?.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the body is the start of a JSON document but not a whole one. A body that is not JSON at all (an HTML
    /// error page sent as JSON) is not cut off: it is passed on for the adapter to report.
    /// </summary>
    internal static bool EndsMidDocument(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty || IsValid(body, isFinalBlock: true))
        {
            return false;
        }

        // Read as a block more could follow: a prefix of a document runs out of data without an error.
        return IsValid(body, isFinalBlock: false);
    }

    private static bool IsValid(ReadOnlySpan<byte> body, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
