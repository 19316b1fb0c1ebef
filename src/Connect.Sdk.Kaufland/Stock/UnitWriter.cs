using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland.Stock;

/// <summary>
/// Changes one unit with <c>PATCH /units/{id_unit}?storefront=…</c> (the Seller API's <c>patchUnit</c>), for stock and
/// prices alike: absolute values, so the HTTP foundation may send it again after a 429 or 5xx. The unit Kaufland answers
/// must hold what was sent, or the record fails; a write left without an answer is read back with
/// <c>GET /units/{id_unit}</c> instead of being reported as sent or as lost.
/// </summary>
internal sealed class UnitWriter(KauflandClient client, ILogger logger)
{
    /// <summary>The unit id of an article's foreign number, or why it is none.</summary>
    /// <param name="articleNumber">The ERP's article number.</param>
    /// <param name="foreignNumber">The foreign number.</param>
    /// <param name="id">The <c>id_unit</c>, when it is one.</param>
    /// <param name="failure">Otherwise the record's failure.</param>
    /// <returns>Whether the foreign number is a unit id.</returns>
    public static bool TryUnitId(string articleNumber, ForeignNumber foreignNumber, out long id, out RecordResult failure)
    {
        failure = null!;
        if (foreignNumber.Label == ForeignNumberLabel.ApiUnitId && long.TryParse(foreignNumber.Value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            return true;
        }

        id = 0;
        failure = RecordResult.Failure(articleNumber, $"Article {articleNumber}: {foreignNumber.Label} '{foreignNumber.Value}' is not a Kaufland id_unit (apiunitid, a positive whole number).");
        return false;
    }

    /// <summary>Writes one unit's fields and checks the unit Kaufland answers.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumber">The ERP's article number, the record's key.</param>
    /// <param name="unitId">The <c>id_unit</c>.</param>
    /// <param name="patch">The fields to set.</param>
    /// <param name="sent">What was sent, for messages, e.g. <c>amount 7</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Succeeded when Kaufland holds the values sent; otherwise failed, naming the unit and Kaufland's reason.</returns>
    /// <exception cref="ConnectSdkException">The keys were refused (pauses the connection), or Kaufland is unreachable, throttling or failing (fails the batch).</exception>
    public async Task<RecordResult> WriteAsync(ConnectionContext connection, string articleNumber, long unitId, KauflandUnitPatchJson patch, string sent, CancellationToken cancellationToken)
    {
        var storefront = KauflandClient.SettingsOf(connection).Storefront;
        var path = string.Create(CultureInfo.InvariantCulture, $"units/{unitId}?storefront={storefront}");
        var call = MarketplaceCall.Json(HttpMethod.Patch, path, "units.update", patch, KauflandJsonContext.Default.KauflandUnitPatchJson) with { Idempotent = true };
        var where = string.Create(CultureInfo.InvariantCulture, $"Article {articleNumber} (unit {unitId}, storefront {storefront})");
        if (await client.SendWriteAsync(connection, call, cancellationToken).ConfigureAwait(false) is not { } written)
        {
            return await ReadBackAsync(connection, articleNumber, path, patch, sent, where, cancellationToken).ConfigureAwait(false);
        }

        var (answer, marketplace) = written;
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return RecordResult.Failure(articleNumber, $"{where}: Kaufland knows no such unit on the storefront {KauflandClient.Describe(answer.Body)}; check the article's apiunitid.");
        }

        if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests || (int)answer.StatusCode >= 500)
        {
            throw marketplace.Refused(answer, $"the update of unit {unitId}");
        }

        if (!answer.IsSuccess)
        {
            return RecordResult.Failure(articleNumber, $"{where}: Kaufland refused {sent} with {(int)answer.StatusCode} {KauflandClient.Describe(answer.Body)}.");
        }

        KauflandUnitJson unit;
        try
        {
            unit = marketplace.Read(answer, KauflandJsonContext.Default.KauflandUnitAnswerJson, $"the update of unit {unitId}").Data;
        }
        catch (ConnectSdkException)
        {
            // A 2xx whose body is cut off or not JSON: Kaufland may have saved it, so ask.
            KauflandLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            return await ReadBackAsync(connection, articleNumber, path, patch, sent, where, cancellationToken).ConfigureAwait(false);
        }

        return Holds(unit, patch)
            ? RecordResult.Success(articleNumber)
            : RecordResult.Failure(articleNumber, $"{where}: Kaufland saved the unit but answers {Held(unit)}, not {sent}; the next sync sends it again.");
    }

    private async Task<RecordResult> ReadBackAsync(ConnectionContext connection, string articleNumber, string path, KauflandUnitPatchJson patch, string sent, string where, CancellationToken cancellationToken)
    {
        try
        {
            var unit = (await client.ReadAsync(connection, MarketplaceCall.Get(path, "units.get"), KauflandJsonContext.Default.KauflandUnitAnswerJson, "the unit read back", cancellationToken).ConfigureAwait(false)).Data;
            return Holds(unit, patch)
                ? RecordResult.Success(articleNumber)
                : RecordResult.Failure(articleNumber, $"{where}: the update got no answer and Kaufland holds {Held(unit)}, not {sent}; the next sync sends it again.");
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex))
        {
            return RecordResult.Failure(articleNumber, $"{where}: the update got no answer and reading the unit back failed ({ex.Message}); the next sync sends it again.");
        }
    }

    private static bool Holds(KauflandUnitJson unit, KauflandUnitPatchJson patch) =>
        (patch.Amount is null || unit.Amount == patch.Amount) && (patch.ListingPrice is null || unit.ListingPrice == patch.ListingPrice);

    private static string Held(KauflandUnitJson unit) =>
        string.Create(CultureInfo.InvariantCulture, $"amount {unit.Amount?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, listing_price {unit.ListingPrice?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
}
