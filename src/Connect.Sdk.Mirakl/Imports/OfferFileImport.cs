using System.Globalization;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Mirakl.Imports;

/// <summary>
/// One of Mirakl's asynchronous offer file imports, stock (STO01–STO03) or prices (PRI01–PRI03): the CSV goes up, its
/// status is polled until Mirakl has processed it, and its error report names each line in error with the reason. The
/// result is one outcome per line, so that one bad record fails alone.
/// </summary>
/// <param name="client">The connector's client.</param>
/// <param name="time">What the polling waits on.</param>
/// <param name="logger">Where the end of an import is logged.</param>
internal sealed class OfferFileImport(MiraklClient client, TimeProvider time, ILogger logger)
{
    /// <summary>How often the status is read before the import is given up for this run.</summary>
    public const int MaxPolls = 20;

    /// <summary>The wait between two status reads.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Imports the lines and returns, per line (in order), <see langword="null"/> for success or why it failed.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The import: <see cref="OfferImportKind.Stock"/> or <see cref="OfferImportKind.Pricing"/>.</param>
    /// <param name="header">The CSV's column names.</param>
    /// <param name="lines">The lines, one per record.</param>
    /// <param name="cancellationToken">Cancels the import before it is sent, or the polling.</param>
    /// <returns>The outcome of each line.</returns>
    /// <exception cref="ConnectSdkException">The upload was refused (a 401/403 pauses the connection) or Mirakl is unreachable.</exception>
    public async Task<string?[]> RunAsync(ConnectionContext connection, OfferImportKind kind, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        cancellationToken.ThrowIfCancellationRequested();
        var csv = new StringBuilder().Append(OfferCsv.Line(header)).Append('\n');
        foreach (var line in lines)
        {
            csv.Append(OfferCsv.Line(line)).Append('\n');
        }

        // Absolute quantities and prices: an upload sent twice imports the same values twice, so it may be retried.
        var created = await client.ReadAsync(connection, new MarketplaceCall(HttpMethod.Post, kind.UploadPath, kind.UploadOperation) { Body = csv.ToString(), Idempotent = true }, MiraklJsonContext.Default.MiraklImportCreatedJson, $"the {kind.Name} import", cancellationToken).ConfigureAwait(false);
        var id = IdOf(created.ImportId);
        var status = await PollAsync(connection, kind, id, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return Every(lines.Count, $"Mirakl's {kind.Name} import {id} was still being processed after {MaxPolls} status reads; the next sync sends the value again");
        }

        MiraklLog.ImportEnded(logger, kind.Name, id, status.Status ?? "?", status.LinesInSuccess ?? 0, status.LinesInError ?? 0, connection.ConnectionId);
        if (!string.Equals(status.Status, "COMPLETE", StringComparison.Ordinal))
        {
            return Every(lines.Count, $"Mirakl's {kind.Name} import {id} ended {status.Status}{(status.ReasonStatus is { } reason ? $" ({ErrorText.OneLine(reason, MiraklClient.MaxMessageLength)})" : string.Empty)}");
        }

        if (status.HasErrorReport != true && status.LinesInError is not > 0)
        {
            return new string?[lines.Count];
        }

        var (answer, _) = await client.SendAsync(connection, MarketplaceCall.Get(string.Format(CultureInfo.InvariantCulture, kind.ErrorReportPath, Uri.EscapeDataString(id)), kind.ErrorReportOperation), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return Every(lines.Count, $"Mirakl's {kind.Name} import {id} has lines in error, but its error report answered {(int)answer.StatusCode} {MiraklClient.Describe(answer.Body)}; the next sync sends the value again");
        }

        return OfferErrorReport.Read(answer.Body, header, lines, status.LinesInError, $"Mirakl's {kind.Name} import {id}");
    }

    private static string IdOf(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();

    private static string?[] Every(int count, string message) => Enumerable.Repeat<string?>(message, count).ToArray();

    private async Task<MiraklImportStatusJson?> PollAsync(ConnectionContext connection, OfferImportKind kind, string id, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            if (poll > 0)
            {
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }

            var path = string.Format(CultureInfo.InvariantCulture, kind.StatusPath, Uri.EscapeDataString(id));
            var status = kind == OfferImportKind.Pricing
                ? (await client.ReadAsync(connection, MarketplaceCall.Get(path, kind.StatusOperation), MiraklJsonContext.Default.MiraklPricingImportsJson, $"the status of {kind.Name} import {id}", cancellationToken).ConfigureAwait(false)).Data?.FirstOrDefault()
                : await client.ReadAsync(connection, MarketplaceCall.Get(path, kind.StatusOperation), MiraklJsonContext.Default.MiraklImportStatusJson, $"the status of {kind.Name} import {id}", cancellationToken).ConfigureAwait(false);
            if (status?.Status is "COMPLETE" or "FAILED" or "CANCELLED" or "CANCELED")
            {
                return status;
            }
        }

        return null;
    }
}
