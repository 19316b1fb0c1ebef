namespace Connect.Sdk.ForeignNumbers;

/// <summary>Why a foreign-number row was not imported.</summary>
public enum ForeignNumberIssueKind
{
    /// <summary>The CSV file is empty or its first line is not the header <c>article_number;label;foreign_number</c>.</summary>
    InvalidHeader,

    /// <summary>A CSV line cannot be read: wrong number of fields, an unclosed quote, text after a closing quote.</summary>
    MalformedLine,

    /// <summary>The connection's connector has no foreign-number rules in the registry.</summary>
    UnknownConnector,

    /// <summary>The connector uses the identity rule (Shopware): it takes no foreign numbers.</summary>
    IdentityRule,

    /// <summary>The article number is empty.</summary>
    EmptyArticleNumber,

    /// <summary>The ERP has no article with the number.</summary>
    UnknownArticle,

    /// <summary>The label is empty.</summary>
    EmptyLabel,

    /// <summary>The connector does not use the label.</summary>
    UnknownLabel,

    /// <summary>The label is for another kind of article (a variant label on a simple article, a product label on a variant).</summary>
    LabelNotForArticleKind,

    /// <summary>The foreign number is empty.</summary>
    EmptyForeignNumber,

    /// <summary>The foreign number holds a line break or another control character.</summary>
    InvalidForeignNumber,

    /// <summary>The same article is given the same label twice in one import.</summary>
    DuplicateLabelForArticle,

    /// <summary>The foreign number (label and value) already belongs to another article on the connection, in the store or in the same import.</summary>
    DuplicateForeignNumber,
}
