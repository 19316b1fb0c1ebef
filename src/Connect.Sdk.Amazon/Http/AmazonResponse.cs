using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Http;

/// <summary>An SP-API answer the connector decides about itself: a success, or an error in Amazon's error shape.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text; empty for 204.</param>
internal sealed record AmazonResponse(HttpStatusCode StatusCode, string Body)
{
    private const int ExcerptLength = 80;

    /// <summary>Whether Amazon answered 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>The errors of Amazon's <c>{"errors":[{code, message, details}]}</c> body; empty when the body has none.</summary>
    public IReadOnlyList<AmazonErrorJson> Errors
    {
        get
        {
            try
            {
                return JsonSerializer.Deserialize(Body, AmazonJsonContext.Default.AmazonErrorListJson)?.Errors ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
    }

    /// <summary>The status with Amazon's error codes and messages, or the start of a body without them.</summary>
    /// <returns>E.g. <c>400 (InvalidInput: Invalid Input)</c>.</returns>
    public string Describe()
    {
        var errors = Errors;
        var detail = errors.Count > 0
            ? string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Details) ? $"{e.Code}: {e.Message}" : $"{e.Code}: {e.Message} ({e.Details})"))
            : Excerpt(Body);
        return $"{(int)StatusCode} ({detail})";
    }

    /// <summary>The start of a body that is not Amazon's JSON, e.g. a proxy's HTML page, as one line of its text.</summary>
    /// <param name="body">The body; the caller redacts it or the message it goes into.</param>
    /// <returns>The excerpt in quotes, <c>no body</c> or <c>a body without text</c>.</returns>
    public static string Excerpt(string body) => ErrorText.Excerpt(body, ExcerptLength);
}
