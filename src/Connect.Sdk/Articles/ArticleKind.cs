namespace Connect.Sdk.Articles;

/// <summary>The kind of an ERP article.</summary>
public enum ArticleKind
{
    /// <summary>A plain article without variants.</summary>
    Simple,

    /// <summary>A matrix product ("Matrixprodukt"): the parent of variants, sold only through them.</summary>
    MatrixParent,

    /// <summary>A variant of a matrix product (a size, a colour).</summary>
    Variant,
}
