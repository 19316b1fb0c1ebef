namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// A query string or form body read the way PHP fills <c>$_GET</c> and <c>$_POST</c>, which is what WooCommerce sees:
/// names and values decoded (<c>+</c> is a space), a repeated name keeps its last value, and <c>name[]=a&amp;name[]=b</c>
/// is a list, which WordPress takes for a list parameter as it takes <c>name=a,b</c>.
/// </summary>
internal static class PhpQueryString
{
    /// <summary>The parameters as a route reads them: the last value of a name, a bracketed list joined with commas.</summary>
    public static Dictionary<string, string> Parse(string encoded)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlEncodedPairs.Read(encoded))
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
