using Microsoft.Extensions.Logging;

namespace Basar.Connector.Http;

/// <summary>
/// The connector's log lines, through the <c>LoggerMessage</c> source generator: structured fields, event ids of their
/// own (9100–9199), and never a token — requests are logged by method and path only, headers never.
/// </summary>
internal static partial class BasarLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Debug, Message = "Basar {Method} {Path} answered {StatusCode} (attempt {Attempt}, connection {ConnectionId})")]
    public static partial void Answered(ILogger logger, string method, string path, int statusCode, int attempt, string connectionId);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Basar {Method} {Path} answered {StatusCode}; retrying in {Wait} (attempt {Attempt} of {MaxAttempts}, connection {ConnectionId})")]
    public static partial void Retrying(ILogger logger, string method, string path, int statusCode, TimeSpan wait, int attempt, int maxAttempts, string connectionId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Basar {Method} {Path} failed: {Reason} (connection {ConnectionId})")]
    public static partial void Failed(ILogger logger, string method, string path, string reason, string connectionId);
}
