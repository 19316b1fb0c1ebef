using System.Text.Json;
using Connect.Sdk.Http;
using Connect.Sdk.Otto.Wire;

namespace Connect.Sdk.Otto.Http;

/// <summary>OTTO's error bodies in one line: the API's <c>{errors:[{title, path, detail}]}</c> and the token endpoint's OAuth error.</summary>
internal static class OttoErrors
{
    private const int MaxLength = 200;

    /// <summary>The errors of a body, or its start when it has none of OTTO's shapes.</summary>
    /// <param name="body">The body, redacted.</param>
    /// <returns>E.g. <c>(INVALID_REQUEST_PARAMETER at shipFromAddress.countryCode: must be …)</c>.</returns>
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Read(body) is { Count: > 0 } errors)
        {
            return "(" + string.Join("; ", errors.Select(Describe)) + ")";
        }

        try
        {
            if (JsonSerializer.Deserialize(body, OttoJsonContext.Default.OttoOAuthErrorJson) is { Error: { } code } oauth)
            {
                return $"({code}: {ErrorText.OneLine(oauth.Description ?? string.Empty, MaxLength)})";
            }
        }
        catch (JsonException)
        {
            // Neither of OTTO's shapes: quoted below.
        }

        return $"({ErrorText.Excerpt(body, 80)})";
    }

    /// <summary>One error: its title, the path it names and its detail.</summary>
    /// <param name="error">The error.</param>
    /// <returns>E.g. <c>INVALID_REQUEST_PARAMETER at [3].quantity: must be …</c>.</returns>
    public static string Describe(OttoErrorJson error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = error.Title ?? "error";
        if (!string.IsNullOrEmpty(error.Path))
        {
            text += " at " + error.Path;
        }

        return string.IsNullOrEmpty(error.Detail) ? text : $"{text}: {ErrorText.OneLine(error.Detail, MaxLength)}";
    }

    /// <summary>The API's errors in a body, or <see langword="null"/> when it is not that shape.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The errors.</returns>
    public static IReadOnlyList<OttoErrorJson>? Read(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OttoJsonContext.Default.OttoErrorListJson)?.Errors?.OfType<OttoErrorJson>().ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
