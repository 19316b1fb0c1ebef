namespace Connect.Sdk.Articles;

/// <summary>An ERP article as the SDK sees it.</summary>
public sealed record Article
{
    /// <summary>Creates an article.</summary>
    /// <param name="number">The ERP article number.</param>
    /// <param name="name">The article name users see.</param>
    /// <param name="kind">Simple, matrix parent or variant.</param>
    /// <param name="parentNumber">The matrix parent's article number; required for variants, forbidden otherwise.</param>
    /// <exception cref="ArgumentException">The number or name is empty, or the parent does not fit the kind.</exception>
    public Article(string number, string name, ArticleKind kind, string? parentNumber = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(name);
        if (kind == ArticleKind.Variant && string.IsNullOrWhiteSpace(parentNumber))
        {
            throw new ArgumentException($"Variant '{number}' needs the article number of its matrix parent.", nameof(parentNumber));
        }

        if (kind != ArticleKind.Variant && parentNumber is not null)
        {
            throw new ArgumentException($"Article '{number}' is not a variant and cannot have a parent.", nameof(parentNumber));
        }

        Number = number;
        Name = name;
        Kind = kind;
        ParentNumber = parentNumber;
    }

    /// <summary>The ERP article number.</summary>
    public string Number { get; }

    /// <summary>The article name.</summary>
    public string Name { get; }

    /// <summary>Simple, matrix parent or variant.</summary>
    public ArticleKind Kind { get; }

    /// <summary>The matrix parent's article number, for variants.</summary>
    public string? ParentNumber { get; }

    /// <summary>
    /// Whether stock levels of this article are synced ("Lagerzahlen Sync"). Off by default, as in the ERP.
    /// </summary>
    public bool StockSyncEnabled { get; init; }
}
