using Connect.Sdk.Articles;
using Connect.Sdk.Journal;

namespace Connect.Sdk.ArticleSync;

/// <summary>What an article's journal entry (stock or price tab) carries of the article.</summary>
internal static class ArticleEntry
{
    /// <summary>Copies what the journal's filters need (name, kind, matrix parent) onto an entry.</summary>
    public static JournalEntry WithArticle(JournalEntry entry, Article? article) => article is null
        ? entry
        : entry with { Title = article.Name, ArticleKind = article.Kind, ParentArticleNumber = article.ParentNumber };
}
