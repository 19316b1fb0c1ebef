using System.Net;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// A query string or form body read the way PHP fills <c>$_GET</c> and <c>$_POST</c>, which is what WooCommerce sees:
/// names and values decoded (<c>+</c> is a space), a repeated name keeps its last value, and <c>name[]=a&amp;name[]=b</c>
/// is a list, which WordPress takes for a list parameter as it takes <c>name=a,b</c>.
/// </summary>
internal static class PhpQueryString
{
    /// <summary>The decoded name and value pairs in the order sent.</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(string encoded)
    {
        foreach (var pair in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            if (name.Length > 0)
            {
                yield return (name, equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]));
            }
        }
    }

    /// <summary>The parameters as a route reads them: the last value of a name, a bracketed list joined with commas.</summary>
    public static Dictionary<string, string> Parse(string encoded)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(encoded))
        {
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && name.EndsWith(']'))
            {
                var list = lists.TryGetValue(name[..bracket], out var known) ? known : lists[name[..bracket]] = [];
                list.Add(value);
            }
            else
            {
                parameters[name] = value;
            }
        }

        foreach (var (name, values) in lists)
        {
            parameters[name] = string.Join(',', values);
        }

        return parameters;
    }
}
