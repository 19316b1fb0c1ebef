using System.Globalization;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopware.Stock;

/// <summary>
/// Sends product upserts through <c>POST /api/_action/sync</c>. Shopware writes a sync request in one transaction, so one
/// invalid record refuses them all: the records the errors point at (<c>source.pointer</c> <c>/{key}/{index}/…</c>) fail
/// with Shopware's words and the rest is sent again without them, until a request goes through or nothing is left.
/// Absolute stock levels and whole prices make a request safe to send twice, so it is marked idempotent.
/// </summary>
internal sealed class SyncSender(ShopwareClient client, ILogger logger)
{
    // The request is a list of operations, as the Admin API's OpenAPI model has it; errors point at /{position}/{record}/….
    private const string Key = "0";

    /// <summary>Sends the writes; the failure message per index of those refused, none for those written.</summary>
    /// <exception cref="ConnectSdkException">The credentials were refused, or the shop could not be reached or kept failing: the batch's failure.</exception>
    public async Task<IReadOnlyDictionary<int, string>> SendAsync(ConnectionContext connection, IReadOnlyList<(int Index, ProductWriteJson Write)> writes, string operation, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<int, string>();
        var pending = writes.ToList();
        while (pending.Count > 0)
        {
            SyncOperationJson[] body = [new("product", "upsert", [.. pending.Select(p => p.Write)])];
            var call = MarketplaceCall.Json(HttpMethod.Post, "_action/sync", operation, body, ShopwareJsonContext.Default.SyncOperationJsonArray) with { Idempotent = true };
            MarketplaceAnswer answer;
            MarketplaceClient marketplace;
            try
            {
                (answer, marketplace) = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
            {
                ShopwareLog.InDoubt(logger, operation, connection.ConnectionId);
                foreach (var (index, _) in pending)
                {
                    failures[index] = $"the sync request got no answer, so Shopware may or may not hold it; the next sync sends it again ({ex.Message})";
                }

                return failures;
            }

            if (answer.IsSuccess)
            {
                return failures;
            }

            var refusal = marketplace.Refused(answer, "the sync request");
            if (answer.StatusCode != HttpStatusCode.BadRequest)
            {
                // 401/403 pause the connection; 429 and 5xx after the retries fail the batch, which the next run sends again.
                throw refusal;
            }

            var pointed = PointedRecords(answer.Body, pending.Count);
            if (pointed.Count == 0)
            {
                foreach (var (index, _) in pending)
                {
                    failures[index] = refusal.Message;
                }

                return failures;
            }

            foreach (var (position, error) in pointed.OrderByDescending(p => p.Key))
            {
                ShopwareLog.RecordRefused(logger, error.Source?.Pointer ?? string.Empty, connection.ConnectionId);
                failures[pending[position].Index] = $"Shopware refused it: {ShopwareErrors.Line(error)} at {error.Source?.Pointer}";
                pending.RemoveAt(position);
            }
        }

        return failures;
    }

    // The payload positions the errors point at (/0/3/stock → 3), with the first error of each.
    private static Dictionary<int, ErrorJson> PointedRecords(string body, int count)
    {
        var pointed = new Dictionary<int, ErrorJson>();
        foreach (var error in ShopwareErrors.Of(body))
        {
            var parts = (error.Source?.Pointer ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == Key && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < count)
            {
                pointed.TryAdd(position, error);
            }
        }

        return pointed;
    }
}
