using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// The continuation token of a journal page (<see cref="JournalPage.NextPage"/>): the position of the page's last
/// entry, bound to the query it was read with. The token is opaque to callers; stores write and read it here. A token
/// carries a fingerprint of the query's filter, so one handed to another query is refused rather than silently
/// starting that query somewhere arbitrary.
/// </summary>
public static class JournalContinuation
{
    private const byte Format = 1;
    private const int FingerprintLength = 8;
    private const int HeaderLength = 1 + FingerprintLength + sizeof(long) + sizeof(byte);

    /// <summary>The token that continues a query after an entry.</summary>
    /// <param name="query">The query the page was read with.</param>
    /// <param name="last">The page's last entry.</param>
    /// <returns>An opaque, URL-safe token.</returns>
    public static string After(JournalQuery query, JournalEntry last) => After(query, JournalPosition.Of(last));

    /// <summary>
    /// The token that continues a query after a position in <see cref="JournalQuery.Order"/>, which need not be a match:
    /// where a store stopped searching (<see cref="JournalPage.StoppedEarly"/>).
    /// </summary>
    /// <param name="query">The query the page was read with.</param>
    /// <param name="position">The position the next page starts after.</param>
    /// <returns>An opaque, URL-safe token.</returns>
    public static string After(JournalQuery query, JournalPosition position)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(position.RecordKey, nameof(position));
        var key = Encoding.UTF8.GetBytes(position.RecordKey);
        var bytes = new byte[HeaderLength + key.Length];
        bytes[0] = Format;
        Fingerprint(query).CopyTo(bytes, 1);
        var ticks = position.UpdatedAt.ToUnixTimeTicks();
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1 + FingerprintLength), ticks);

        // The nanoseconds below a tick, so a position kept in memory at full precision is not rounded away.
        bytes[1 + FingerprintLength + sizeof(long)] = (byte)(position.UpdatedAt - Instant.FromUnixTimeTicks(ticks)).ToInt64Nanoseconds();
        key.CopyTo(bytes, HeaderLength);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads the position a token continues after, checking that it belongs to the query.</summary>
    /// <param name="query">The query the next page is read with.</param>
    /// <param name="token">A token from <see cref="JournalPage.NextPage"/> of the same query.</param>
    /// <returns>The position of the last entry of the page before.</returns>
    /// <exception cref="ArgumentException">The token is not one of ours, or it was read with another query.</exception>
    public static JournalPosition Read(JournalQuery query, string token)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(token);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The journal continuation token is malformed; pass JournalPage.NextPage as it was returned.", nameof(token), e);
        }

        if (bytes.Length < HeaderLength || bytes[0] != Format || bytes[1 + FingerprintLength + sizeof(long)] >= 100)
        {
            throw new ArgumentException("The journal continuation token is malformed; pass JournalPage.NextPage as it was returned.", nameof(token));
        }

        if (!bytes.AsSpan(1, FingerprintLength).SequenceEqual(Fingerprint(query)))
        {
            throw new ArgumentException(
                $"The journal continuation token was read with another query than this one on {query.Connection}/{query.Kind}; a changed filter starts again at its first page.",
                nameof(token));
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1 + FingerprintLength));
        var at = Instant.FromUnixTimeTicks(ticks).PlusNanoseconds(bytes[1 + FingerprintLength + sizeof(long)]);
        string key;
        try
        {
            key = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, HeaderLength, bytes.Length - HeaderLength);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException("The journal continuation token is malformed; pass JournalPage.NextPage as it was returned.", nameof(token), e);
        }

        return new JournalPosition(at, key);
    }

    // Every criterion in a canonical form: the statuses as a set, the text as Matches reads it (trimmed).
    private static byte[] Fingerprint(JournalQuery query)
    {
        var text = string.Join(
            "\u001f",
            query.Connection.Value,
            ((int)query.Kind).ToString(CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(query.Text) ? string.Empty : query.Text.Trim(),
            string.Join(",", query.Statuses.Distinct().Order().Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))),
            Stamp(query.ChangedFrom),
            Stamp(query.ChangedTo),
            ((int)query.ArticleTypes).ToString(CultureInfo.InvariantCulture),
            Stamp(query.OrderDateFrom),
            Stamp(query.OrderDateTo),
            query.Tracking is { } tracking ? ((int)tracking).ToString(CultureInfo.InvariantCulture) : string.Empty);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text))[..FingerprintLength];
    }

    private static string Stamp(Instant? instant) => instant?.ToString("g", CultureInfo.InvariantCulture) ?? string.Empty;
}
