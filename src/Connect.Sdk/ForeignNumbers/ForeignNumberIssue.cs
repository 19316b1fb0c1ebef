using System.Globalization;
using System.Text;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// A foreign-number row that was not imported, and why, in words the user can act on, e.g.
/// "line 7: article 4711: label 'shopifyvariantid' is for variants, but 4711 is a simple article".
/// </summary>
/// <param name="LineNumber">The 1-based CSV line (the header is line 1), or the row's own line number; <see langword="null"/> when the issue concerns no single line.</param>
/// <param name="ArticleNumber">The article number as given, or <see langword="null"/> when the line could not be read.</param>
/// <param name="Kind">What is wrong, for code that reacts to it.</param>
/// <param name="Field">The CSV column at fault (<c>article_number</c>, <c>label</c> or <c>foreign_number</c>), or <see langword="null"/> for the whole line.</param>
/// <param name="Reason">What is wrong, for users.</param>
public sealed record ForeignNumberIssue(int? LineNumber, string? ArticleNumber, ForeignNumberIssueKind Kind, string? Field, string Reason)
{
    /// <summary>The line, the article and the reason in one sentence.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (LineNumber is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {line}: ");
        }

        if (!string.IsNullOrWhiteSpace(ArticleNumber))
        {
            text.Append(CultureInfo.InvariantCulture, $"article {ArticleNumber}: ");
        }

        return text.Append(Reason).ToString();
    }
}
