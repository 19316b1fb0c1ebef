using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Articles;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The ERP article a marketplace's foreign number (from an order line) stands for (marketplace → ERP), or
/// why there is none in words the user can act on.
/// </summary>
public sealed class ArticleResolution
{
    private ArticleResolution(ForeignNumber foreignNumber, Article? article, string? message)
    {
        ForeignNumber = foreignNumber;
        Article = article;
        Message = message;
    }

    /// <summary>The foreign number asked for, with its label normalised to the canonical one when it was an alternative.</summary>
    public ForeignNumber ForeignNumber { get; }

    /// <summary>The ERP article; <see langword="null"/> when not mapped.</summary>
    public Article? Article { get; }

    /// <summary>Whether an ERP article was found.</summary>
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsMapped => Article is not null;

    /// <summary>Why no article was found; <see langword="null"/> when one was.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => IsMapped ? $"{ForeignNumber} → {Article.Number}" : Message;

    internal static ArticleResolution Mapped(ForeignNumber foreignNumber, Article article) => new(foreignNumber, article, null);

    internal static ArticleResolution NotMapped(ForeignNumber foreignNumber, string message) => new(foreignNumber, null, message);
}
