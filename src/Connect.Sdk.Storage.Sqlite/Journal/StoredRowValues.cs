using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>The typed values of an <see cref="IStoredRow"/>, stored as the journal stores them (instants as Unix ticks).</summary>
internal static class StoredRowValues
{
    /// <summary>An instant stored as Unix ticks.</summary>
    public static Instant Instant<TRow>(this TRow row, int ordinal)
        where TRow : IStoredRow =>
        NodaTime.Instant.FromUnixTimeTicks(row.Int64(ordinal));

    /// <summary>A nullable instant stored as Unix ticks.</summary>
    public static Instant? NullableInstant<TRow>(this TRow row, int ordinal)
        where TRow : IStoredRow =>
        row.IsNull(ordinal) ? null : row.Instant(ordinal);

    /// <summary>A nullable integer.</summary>
    public static long? NullableInt64<TRow>(this TRow row, int ordinal)
        where TRow : IStoredRow =>
        row.IsNull(ordinal) ? null : row.Int64(ordinal);

    /// <summary>A nullable text.</summary>
    public static string? NullableString<TRow>(this TRow row, int ordinal)
        where TRow : IStoredRow =>
        row.IsNull(ordinal) ? null : row.String(ordinal);

    /// <summary>An integer that must fit an <see cref="int"/>.</summary>
    public static int Int32<TRow>(this TRow row, int ordinal)
        where TRow : IStoredRow =>
        checked((int)row.Int64(ordinal));
}
