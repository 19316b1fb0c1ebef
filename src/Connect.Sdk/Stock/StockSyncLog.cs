using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Stock;

/// <summary>
/// Stock sync's own log messages (event ids 3003–3004); what it shares with price sync is in
/// <see cref="ArticleSync.ArticleSyncLog"/> (3000–3002, 3005).
/// </summary>
internal static partial class StockSyncLog
{
    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Stock of {ArticleCount} article(s) changed; stock sync requested for {ConnectionCount} connection(s)")]
    public static partial void StockChangeNotified(this ILogger logger, int articleCount, int connectionCount);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Stock rules of {ConnectionId} set to {Rules}")]
    public static partial void RulesChanged(this ILogger logger, ConnectionId connectionId, StockRules rules);
}
