namespace Connect.Sdk.Journal;

/// <summary>
/// The article-type filter of the stock journal ("Filter nach Typ"). Triggering on matrix parents
/// brings their variants along, so "no variants" is the level to sync from without queueing twice.
/// </summary>
public enum ArticleTypeFilter
{
    /// <summary>Every article.</summary>
    All,

    /// <summary>Matrix parents only.</summary>
    MatrixParentsOnly,

    /// <summary>Simple articles and matrix parents ("Keine Varianten").</summary>
    NoVariants,

    /// <summary>Variants only ("Nur Varianten"), e.g. to sync variants added later.</summary>
    VariantsOnly,
}
