namespace Connect.Sdk.ForeignNumbers;

/// <summary>One line of a CSV file as read: its text, or why its bytes could not be read as text.</summary>
/// <param name="Text">The line without its line break; <see langword="null"/> when <paramref name="Problem"/> says why.</param>
/// <param name="Problem">Why the line cannot be read, or <see langword="null"/>.</param>
internal readonly record struct CsvSourceLine(string? Text, string? Problem);
