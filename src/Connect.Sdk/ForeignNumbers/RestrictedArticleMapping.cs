using System.Collections.Frozen;
using Connect.Sdk.Articles;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The restricted article mapping ("Artikelzuordnung, eingeschränkt") of a connection: the ERP articles the
/// SDK may write to the marketplace while the connection is in its test phase. A matrix parent in the set
/// brings its variants.
/// </summary>
/// <remarks>Immutable. <see cref="Empty"/>, which allows nothing, is what a connection has until one is set.</remarks>
public sealed class RestrictedArticleMapping
{
    private readonly FrozenSet<string> _articleNumbers;

    /// <summary>Creates a mapping.</summary>
    /// <param name="articleNumbers">The ERP article numbers allowed; simple articles, matrix parents or single variants.</param>
    /// <exception cref="ArgumentException">An article number is empty.</exception>
    public RestrictedArticleMapping(params IEnumerable<string> articleNumbers)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        var numbers = articleNumbers.ToArray();
        if (numbers.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("The restricted article mapping cannot hold an empty article number.", nameof(articleNumbers));
        }

        _articleNumbers = numbers.ToFrozenSet(StringComparer.Ordinal);
        ArticleNumbers = _articleNumbers.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The mapping that allows no article: nothing is written during the test phase.</summary>
    public static RestrictedArticleMapping Empty { get; } = new();

    /// <summary>The ERP article numbers in the mapping, in ordinal order.</summary>
    public IReadOnlyList<string> ArticleNumbers { get; }

    /// <summary>How many article numbers the mapping holds.</summary>
    public int Count => _articleNumbers.Count;

    /// <summary>
    /// Whether the SDK may write an article during the test phase: it is in the mapping, or it is a variant
    /// whose matrix parent is.
    /// </summary>
    /// <param name="article">The ERP article.</param>
    /// <returns><see langword="true"/> when writing it is allowed.</returns>
    public bool Allows(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _articleNumbers.Contains(article.Number)
            || (article.ParentNumber is { } parent && _articleNumbers.Contains(parent));
    }

    /// <inheritdoc />
    public override string ToString() => Count == 0 ? "no articles" : $"{Count} article(s): {string.Join(", ", ArticleNumbers)}";
}
