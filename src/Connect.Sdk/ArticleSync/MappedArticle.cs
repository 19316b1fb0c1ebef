using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.ArticleSync;

/// <summary>An article whose stock or price a run may publish: stock sync on, and a foreign number on the connection.</summary>
/// <param name="Article">The ERP article.</param>
/// <param name="ForeignNumber">The foreign number the update goes out under (the first the connector's rules give).</param>
internal sealed record MappedArticle(Article Article, ForeignNumber ForeignNumber);
