using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Http;

namespace Connect.Sdk.Ebay.Http;

/// <summary>Reads eBay's JSON: a body that is not the documented JSON fails the call instead of passing for data.</summary>
internal static class EbayJson
{
    /// <summary>Reads a JSON body.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info.</param>
    /// <param name="settings">The connection.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON; the message names the field.</exception>
    public static T Read<T>(EbayResponse response, JsonTypeInfo<T> type, EbaySettings settings, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"eBay answered {what} with a body that is not the documented JSON ({ErrorText.Excerpt(settings.Redactor.Redact(response.Body) ?? string.Empty, 80)}): {JsonFieldProblem.Describe(ex)}", ex)
            {
                ConnectionId = settings.ConnectionId,
                MarketplaceStatusCode = (int)response.StatusCode,
            };
        }
    }
}
