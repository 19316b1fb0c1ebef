using System.Globalization;
using System.Text.RegularExpressions;
using Connect.Sdk.Features;

namespace Connect.Sdk.Stock;

/// <summary>
/// Recognises a batch that the marketplace refused whole for one reason: at least <see cref="MinRecords"/> articles, each
/// failed, with messages that are the same once the article's own number, foreign number and quantity are set aside
/// ("Article ART-1 (SKU SKU-1): … stock 5 …" and "Article ART-2 (SKU SKU-2): … stock 7 …" are one reason).
/// </summary>
internal static class UniformRefusal
{
    /// <summary>Fewer records failing alike may well be each its own flaw.</summary>
    public const int MinRecords = 5;

    /// <summary>The shared reason (the first record's message), or <see langword="null"/> when the refusals differ or too few records failed.</summary>
    public static string? CommonReason(IReadOnlyList<StockSend> batch, IReadOnlyDictionary<string, RecordResult> answers)
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

    private static string WithoutTheRecord(string message, StockSend send)
    {
        var text = message.Replace(send.ForeignNumber.Value, "{foreign number}", StringComparison.Ordinal)
            .Replace(send.ArticleNumber, "{article}", StringComparison.Ordinal);
        return Regex.Replace(text, $@"(?<![\w.]){send.Quantity.Quantity.ToString(CultureInfo.InvariantCulture)}(?![\w.])", "{quantity}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
