namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>
/// Text as the PostgreSQL journal stores it. PostgreSQL's text cannot hold a NUL character, which a marketplace can
/// send in a message or a name; the journal keeps such text with U+FFFD (the replacement character) in its place
/// rather than losing the status change it belongs to.
/// </summary>
internal static class JournalText
{
    /// <summary>The text with every NUL character replaced by U+FFFD; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static string? Storable(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
