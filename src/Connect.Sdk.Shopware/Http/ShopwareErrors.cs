using System.Text.Json;
using Connect.Sdk.Http;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Http;

/// <summary>Reads Shopware's error body <c>{"errors":[{status, code, title, detail, source, meta}]}</c>.</summary>
internal static class ShopwareErrors
{
    private const int MaxMessageLength = 200;

    /// <summary>The errors of a body; empty when it has none in Shopware's shape.</summary>
    public static IReadOnlyList<ErrorJson> Of(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ShopwareJsonContext.Default.ErrorsJson)?.Errors ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The first error's code and detail, e.g. <c>(SYSTEM__ILLEGAL_STATE_TRANSITION: Illegal transition …)</c>, or the body's start.</summary>
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Of(body) is [var first, ..]
            ? $"({first.Code}: {ErrorText.OneLine(first.Detail ?? first.Title ?? string.Empty, MaxMessageLength)})"
            : $"({ErrorText.Excerpt(body, 80)})";
    }

    /// <summary>One error as a line of text.</summary>
    public static string Line(ErrorJson error) => $"{ErrorText.OneLine(error.Detail ?? error.Title ?? string.Empty, MaxMessageLength)} ({error.Code})";
}
