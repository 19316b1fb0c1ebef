using System.Text.RegularExpressions;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.Features;

namespace Connect.Sdk;

/// <summary>
/// Recognises a batch that the marketplace refused whole for one reason: at least <see cref="MinRecords"/> articles, each
/// failed, with messages that are the same once the article's own number, foreign number and value are set aside
/// ("Article ART-1 (SKU SKU-1): … stock 5 …" and "Article ART-2 (SKU SKU-2): … stock 7 …" are one reason; so are two
/// refusals quoting each article's price). Stock sync and price sync use it alike.
/// </summary>
internal static class UniformRefusal
{
    /// <summary>Fewer records failing alike may well be each its own flaw.</summary>
    public const int MinRecords = 5;

    /// <summary>The shared reason (the first record's message), or <see langword="null"/> when the refusals differ or too few records failed.</summary>
    public static string? CommonReason<TSend>(IReadOnlyList<TSend> batch, IReadOnlyDictionary<string, RecordResult> answers)
        where TSend : IArticleSend
    {
        if (batch.Count < MinRecords)
        {
            return null;
        }

        string? shared = null;
        foreach (var send in batch)
        {
            if (!answers.TryGetValue(send.ArticleNumber, out var answer) || answer.Outcome != RecordOutcome.Failed)
            {
                return null;
            }

            var reason = WithoutTheRecord(answer.Message ?? string.Empty, send);
            if (shared is null)
            {
                shared = reason;
            }
            else if (!string.Equals(shared, reason, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return answers[batch[0].ArticleNumber].Message ?? "no reason given";
    }

    private static string WithoutTheRecord(string message, IArticleSend send)
    {
        var text = message.Replace(send.ForeignNumber.Value, "{foreign number}", StringComparison.Ordinal)
            .Replace(send.ArticleNumber, "{article}", StringComparison.Ordinal);
        foreach (var number in send.QuotedNumbers)
        {
            text = Regex.Replace(text, $@"(?<![\w.]){Regex.Escape(number)}(?![\w.])", "{value}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
