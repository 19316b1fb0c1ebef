using System.Text.Json;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Http;

/// <summary>
/// Says what is wrong with a marketplace's JSON in the marketplace's own field names ("the required field
/// line_items[0].name is missing"), for a message an ERP user can act on. System.Text.Json's own messages name .NET
/// types and constructor parameters, which mean nothing to the user and nothing in the marketplace's documentation.
/// </summary>
public static partial class JsonFieldProblem
{
    /// <summary>Describes why a payload could not be read.</summary>
    /// <param name="exception">The serializer's exception.</param>
    /// <param name="fieldName">
    /// Spells a field name the way the marketplace does, for the names the serializer reports in its naming policy
    /// (Amazon's Orders API sends <c>PurchaseDate</c>, read case-insensitively, reported as <c>purchaseDate</c>);
    /// <see langword="null"/> keeps them as reported.
    /// </param>
    /// <returns>A sentence without .NET type names, naming the field by its path in the payload.</returns>
    public static string Describe(JsonException exception, Func<string, string>? fieldName = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var spell = fieldName ?? (name => name);
        var path = PathOf(exception.Path);
        var message = exception.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = QuotedName().Matches(missing.Groups["names"].Value).Select(m => Join(path, spell(m.Groups["name"].Value))).ToArray();
            return names.Length == 1
                ? $"the required field {names[0]} is missing"
                : $"the required fields {string.Join(", ", names)} are missing";
        }

        if (IsNull(message))
        {
            return $"the field {path} is null";
        }

        if (IsOfAnotherType(message))
        {
            return $"the field {path} does not have the documented type";
        }

        // The reader's own messages ("'<' is an invalid start of a value.") name no type; the position follows as a path.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal) is var at and >= 0 ? message[..at] : message;
        cut = cut.IndexOf(" LineNumber: ", StringComparison.Ordinal) is var line and >= 0 ? cut[..line] : cut;
        return exception.Path is null or "$" ? cut.TrimEnd() : $"{cut.TrimEnd()} (at {path})";
    }

    /// <summary>
    /// Whether the payload was JSON with a field missing, null or of another type (a flaw of the one record that carries
    /// it), rather than no JSON at all (an error page, a cut-off body: a failure of the call).
    /// </summary>
    /// <param name="exception">The serializer's exception.</param>
    /// <returns><see langword="true"/> for a field's problem.</returns>
    public static bool IsAboutAField(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        return MissingRequired().IsMatch(message) || IsNull(message) || IsOfAnotherType(message);
    }

    /// <summary>Spells a field the way Amazon's Orders API and other PascalCase payloads do: <c>purchaseDate</c> as <c>PurchaseDate</c>.</summary>
    /// <param name="name">The name as the serializer reports it.</param>
    /// <returns>The name with its first letter upper case.</returns>
    public static string PascalCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    private static bool IsNull(string message) =>
        message.Contains("allow null values", StringComparison.Ordinal) || message.Contains("allow setting null values", StringComparison.Ordinal);

    private static bool IsOfAnotherType(string message) => message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal);

    private static string PathOf(string? path) => path switch
    {
        null or "$" => "(the payload itself)",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    private static string Join(string path, string name) => path == "(the payload itself)" ? name : $"{path}.{name}";

    [GeneratedRegex(@"^JSON deserialization for type '[^']*' was missing required properties(?: including)?: (?<names>.*?)\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'(?<name>[^']*)'")]
    private static partial Regex QuotedName();
}
