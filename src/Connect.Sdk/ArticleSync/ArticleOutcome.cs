using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// How a run ends for one article: the status and message its entry moves to. With <paramref name="OnlyIfChanged"/> the
/// entry is left alone when it already has this status and message, so a repeat does not even touch it; with
/// <paramref name="BackOff"/> (the marketplace refused or failed) the entry says when automatic runs try it again.
/// </summary>
/// <param name="ArticleNumber">The article's number, its entry's record key.</param>
/// <param name="Article">The article, for the entry's title and filters; <see langword="null"/> when the ERP has none.</param>
/// <param name="Status">The final status.</param>
/// <param name="Message">Why.</param>
/// <param name="OnlyIfChanged">Whether a repeat of the same status and message leaves the entry alone.</param>
/// <param name="BackOff">Whether the entry waits for its next try.</param>
internal sealed record ArticleOutcome(string ArticleNumber, Article? Article, JournalStatus Status, string Message, bool OnlyIfChanged = false, bool BackOff = false)
{
    /// <summary>The change of the article's entry.</summary>
    public JournalEntry Change(JournalEntry entry, Instant now) =>
        OnlyIfChanged && entry.Version > 0 && entry.Status == Status && entry.Message == Message
            ? entry
            : ArticleEntry.WithArticle(BackOff ? RetryBackoff.Schedule(entry.WithStatus(Status, Message, now), now) : entry.WithStatus(Status, Message, now), Article);
}
