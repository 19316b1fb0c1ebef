namespace Connect.Sdk.ArticleSync;

/// <summary>What a run does with one chunk of articles: what it sends, what it cannot send and why, and how many were left alone unchanged.</summary>
/// <typeparam name="TSend">The stock or price send.</typeparam>
/// <param name="Sends">The values to publish, in the chunk's order.</param>
/// <param name="Unsendable">Articles the ERP gives no value for or whose value is refused, with the reason for their journal entry.</param>
/// <param name="Unchanged">How many articles had a value that equals the one last sent.</param>
internal sealed record ArticleChunkPlan<TSend>(IReadOnlyList<TSend> Sends, IReadOnlyList<(MappedArticle Article, string Reason)> Unsendable, int Unchanged)
    where TSend : IArticleSend;
