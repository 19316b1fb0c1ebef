using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Http;

/// <summary>
/// The HTTP package's log messages (event ids 8000–8099). URIs are logged only after <see cref="HttpRedaction.RedactUri"/>,
/// and no header is logged at all.
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Debug, Message = "{Client} {Operation}: {Method} {Uri} answered {StatusCode} after {ElapsedMs} ms")]
    public static partial void Answered(this ILogger logger, string client, string operation, string method, string uri, int statusCode, long elapsedMs);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "{Client} {Operation}: {Method} {Uri} failed after {ElapsedMs} ms: {Error}")]
    public static partial void Failed(this ILogger logger, string client, string operation, string method, string uri, long elapsedMs, string error);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "{Client} {Operation}: the {StatusCode} answer's JSON ended in the middle of the document after {Bytes} bytes")]
    public static partial void CutOff(this ILogger logger, string client, string operation, int statusCode, int bytes);
}
