namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Folds text so that ordinal comparisons of folded text in SQL (equality, <c>instr</c>, <c>ORDER BY</c>) agree with
/// <see cref="StringComparison.OrdinalIgnoreCase"/> on the original text: the comparison of the journal's free-text
/// search (<see cref="Connect.Sdk.Journal.JournalQuery.Matches"/>) and of foreign-number labels.
/// </summary>
/// <remarks>
/// OrdinalIgnoreCase compares the simple upper-case mapping of each code point, so folding is upper-casing, not
/// lower-casing: lower-casing would tell 'ς' from 'σ' (both upper-case to 'Σ', so they match) and would equate the
/// Kelvin sign with 'k' (they do not match). The one code point whose invariant upper case differs from the
/// ordinal one is 'ſ' (U+017F): ToUpperInvariant maps it to 'S', OrdinalIgnoreCase leaves it alone.
/// Upper-casing is length-preserving, so the character positions of both strings line up.
/// </remarks>
internal static class OrdinalIgnoreCaseFolding
{
    private const char LongS = '\u017F';

    /// <summary>Folds a text, or returns <see langword="null"/> for none.</summary>
    public static string? FoldOrNull(string? text) => text is null ? null : Fold(text);

    /// <summary>Folds a text.</summary>
    public static string Fold(string text)
    {
        var upper = text.ToUpperInvariant();
        if (!text.Contains(LongS, StringComparison.Ordinal))
        {
            return upper;
        }

        return string.Create(upper.Length, (text, upper), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.text[i] == LongS ? LongS : state.upper[i];
            }
        });
    }
}
