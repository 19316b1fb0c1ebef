using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Which way a free-text search reads a keyset page: through the full-text index or along the tab's entries in order.
/// The index lists a word's candidates in row order, so a page off it sorts all of them; the entries in order fill a
/// page after about page size × tab ÷ matches rows. A probe that stops after <see cref="Probe"/> candidates tells the
/// two apart without reading every candidate of a common word.
/// </summary>
internal static class JournalTextRoute
{
    /// <summary>Up to how many full-text candidates the index route is taken: sorting these costs about as much as a few thousand rows read in order.</summary>
    public const int Probe = 2_000;

    /// <summary>
    /// Counts the candidates up to <c>$probe</c> from each full-text index on its own, so that neither is read further
    /// and nothing is sorted; an entry both find counts twice, which at worst takes the entries in order where the index
    /// would have done. The distinct messages that hold the text, of every tab, are counted first: the tab's entries of
    /// each are looked up one message at a time, so a word that many messages of other tabs hold would otherwise be
    /// read in full for a tab that has few of them; past the probe it counts as many candidates.
    /// </summary>
    public const string ProbeSql = $"""
        SELECT CASE
            WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM journal_message_text WHERE journal_message_text MATCH $phrase LIMIT $probe)) >= $probe THEN $probe
            ELSE (SELECT COUNT(*) FROM ({JournalFilter.KeyOrTitleMatches} LIMIT $probe)) + (SELECT COUNT(*) FROM ({JournalFilter.MessageMatches} LIMIT $probe))
        END;
        """;

    /// <summary>Whether the filter has free text the full-text index decides, with fewer than <see cref="Probe"/> candidates.</summary>
    public static async Task<bool> FewCandidatesAsync(SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, CancellationToken cancellationToken)
    {
        if (!filter.CanUseTextIndex)
        {
            return false;
        }

        await using var probe = filter.Bind(db.Command(snapshot, ProbeSql))
            .With("$probe", Probe);
        return Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) < Probe;
    }
}
