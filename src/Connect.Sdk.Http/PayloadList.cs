using System.Globalization;

namespace Connect.Sdk.Http;

/// <summary>
/// Checks the lists of a marketplace's payload for null elements. System.Text.Json lets <c>"line_items":[null]</c>
/// through even where the element type is not nullable; a mapper that trusted it would fail with a
/// <see cref="NullReferenceException"/> that stops a whole page instead of the one record that carries it.
/// </summary>
public static class PayloadList
{
    /// <summary>Returns the list when it has no null element.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The list as deserialized.</param>
    /// <param name="field">The list's field as the marketplace names it, e.g. <c>line_items</c>.</param>
    /// <returns>The same list, typed without nulls.</returns>
    /// <exception cref="FormatException">An element is null; the message names it, e.g. <c>line_items[0] is null</c>.</exception>
    public static IReadOnlyList<T> WithoutNulls<T>(IReadOnlyList<T?> items, string field)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}] is null"));
            }
        }

        return items!;
    }
}
