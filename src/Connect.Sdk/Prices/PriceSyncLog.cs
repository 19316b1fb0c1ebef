using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Prices;

/// <summary>
/// Price sync's own log messages (event ids 3100–3199); what it shares with stock sync is in
/// <see cref="ArticleSync.ArticleSyncLog"/>.
/// </summary>
internal static partial class PriceSyncLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Prices of {ArticleCount} article(s) changed; price sync requested for {ConnectionCount} connection(s)")]
    public static partial void PricesChangeNotified(this ILogger logger, int articleCount, int connectionCount);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Price rules of {ConnectionId} set to {Rules}")]
    public static partial void RulesChanged(this ILogger logger, ConnectionId connectionId, PriceRules rules);
}
