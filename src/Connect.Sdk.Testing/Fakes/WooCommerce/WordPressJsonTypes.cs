using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// How the WordPress REST API reads a JSON value against a schema type: <c>rest_is_integer</c> and
/// <c>rest_is_boolean</c> take more than the JSON type (a numeric string, <c>5.0</c>, <c>"true"</c>, <c>1</c>), so a
/// client that sends them is served, not refused.
/// </summary>
internal static class WordPressJsonTypes
{
    /// <summary><c>rest_is_integer</c>: a number or numeric string without a fraction.</summary>
    public static bool TryInteger(JsonNode? value, out int integer)
    {
        integer = 0;
        double number;
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number:
                number = value.GetValue<double>();
                break;
            case JsonValueKind.String when double.TryParse(value.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                return false;
        }

        if (Math.Round(number) != number || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        integer = (int)number;
        return true;
    }

    /// <summary><c>rest_is_boolean</c>: true, false, 0, 1 or one of the strings "true", "false", "1", "0" (any case).</summary>
    public static bool TryBoolean(JsonNode? value, out bool boolean)
    {
        boolean = false;
        switch (value?.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                boolean = value.GetValue<bool>();
                return true;
            case JsonValueKind.Number when value.AsValue().TryGetValue<int>(out var number) && number is 0 or 1:
                boolean = number == 1;
                return true;
            case JsonValueKind.String:
                var text = value.GetValue<string>().ToLowerInvariant();
                boolean = text is "true" or "1";
                return text is "true" or "false" or "1" or "0";
            default:
                return false;
        }
    }
}
