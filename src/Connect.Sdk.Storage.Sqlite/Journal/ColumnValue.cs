namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// A value as a journal column stores it: an integer, a text or NULL. A struct rather than a boxed object, so that
/// binding a batch's thousands of values allocates nothing.
/// </summary>
internal readonly struct ColumnValue
{
    private ColumnValue(long? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The integer, when the value is one.</summary>
    public long? Number { get; }

    /// <summary>The text, when the value is one.</summary>
    public string? Text { get; }

    /// <summary>An integer, or NULL.</summary>
    public static implicit operator ColumnValue(long? number) => new(number, null);

    /// <summary>A text, or NULL.</summary>
    public static implicit operator ColumnValue(string? text) => new(null, text);

    /// <summary>The value as a command parameter takes it (<see langword="null"/> for SQL NULL).</summary>
    public object? ToParameterValue() => Text ?? (object?)Number;
}
