namespace ErpHost.Marketplaces;

/// <summary>
/// An article of the sample ERP as buyers find it on every marketplace: its article number, its title and its gross
/// price in euros. Each marketplace offers some of <see cref="All"/> under its own foreign numbers.
/// </summary>
internal sealed record SampleArticle(string Number, string Title, decimal Price)
{
    /// <summary>The coffee mug, a simple article.</summary>
    public static SampleArticle CoffeeMug { get; } = new("4711", "Coffee mug", 12.90m);

    /// <summary>The T-shirt in S, a size (variant) of article 5000.</summary>
    public static SampleArticle TShirtS { get; } = new("5000-S", "T-shirt S", 19.90m);

    /// <summary>The T-shirt in M, the story's sold article.</summary>
    public static SampleArticle TShirtM { get; } = new("5000-M", "T-shirt M", 19.90m);

    /// <summary>The T-shirt in L.</summary>
    public static SampleArticle TShirtL { get; } = new("5000-L", "T-shirt L", 19.90m);

    /// <summary>The desk lamp, a simple article.</summary>
    public static SampleArticle DeskLamp { get; } = new("6100", "Desk lamp", 49.00m);

    /// <summary>The ERP's whole catalogue, in the order buyers pick from it.</summary>
    public static IReadOnlyList<SampleArticle> All { get; } = [CoffeeMug, TShirtS, TShirtM, TShirtL, DeskLamp];

    /// <summary>The T-shirt's sizes, the variants of article 5000.</summary>
    public static IReadOnlyList<SampleArticle> TShirtSizes { get; } = [TShirtS, TShirtM, TShirtL];

    /// <summary>One of each kind: a simple article, a size, and the lamp; for marketplaces that list a few offers.</summary>
    public static IReadOnlyList<SampleArticle> Few { get; } = [CoffeeMug, TShirtM, DeskLamp];

    /// <summary>Whether the article is a size of the T-shirt, which shops keep as a variant of a parent product.</summary>
    public bool IsTShirtSize => Number.StartsWith("5000-", StringComparison.Ordinal);
}
