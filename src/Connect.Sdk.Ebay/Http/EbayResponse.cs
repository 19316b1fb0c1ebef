using System.Net;
using System.Text.Json;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Http;

namespace Connect.Sdk.Ebay.Http;

/// <summary>An answer of a Sell API the connector decides about itself: a success, or eBay's error envelope.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text, redacted.</param>
/// <param name="Headers">The answer's headers.</param>
internal sealed record EbayResponse(HttpStatusCode StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Whether eBay answered 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>eBay's error text for a body: each error's id and message, or the start of a body without them.</summary>
    /// <param name="body">The body.</param>
    /// <returns>E.g. <c>(1001 Invalid access token)</c>.</returns>
    public static string Describe(string body)
    {
        IReadOnlyList<EbayErrorJson> errors;
        try
        {
            errors = JsonSerializer.Deserialize(body, EbayJsonContext.Default.EbayErrorListJson)?.Errors ?? [];
        }
        catch (JsonException)
        {
            errors = [];
        }

        return errors.Count > 0 ? $"({Describe(errors)})" : $"({ErrorText.Excerpt(body, 80)})";
    }

    /// <summary>Errors as one line: id, message and the fields they name.</summary>
    /// <param name="errors">The errors.</param>
    /// <returns>E.g. <c>25709 Invalid value for price.currency. [price.currency=USD]</c>.</returns>
    public static string Describe(IReadOnlyList<EbayErrorJson> errors) =>
        string.Join("; ", errors.Select(e =>
        {
            var fields = e.Parameters is { Count: > 0 } parameters ? $" [{string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"))}]" : string.Empty;
            return $"{e.ErrorId} {e.Message}{fields}";
        }));
}
