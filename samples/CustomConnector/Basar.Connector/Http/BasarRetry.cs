namespace Basar.Connector.Http;

/// <summary>Which failed answers a request may be sent again after.</summary>
internal enum BasarRetry
{
    /// <summary>
    /// Reads and absolute writes (<c>GET</c>, the stock <c>PUT</c>): sending them twice does no harm, so 429, every
    /// 5xx and a lost connection are retried.
    /// </summary>
    Idempotent,

    /// <summary>
    /// Writes that add something (<c>POST</c> a shipment): retried only after 429 and 503, which Basar documents as
    /// answered before the request is processed. After a 500 or a lost connection the shipment may exist, so the
    /// connector gives up and the SDK's next export, which first reads the order's shipments, finishes the job.
    /// </summary>
    OnlyUnprocessed,
}
