using Connect.Sdk.Settings;
using Microsoft.Extensions.Hosting;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Opens the SQLite secret store when the host starts, before the scheduler's first run: plain-text rows of an older
/// file are protected then, and missing keys or a plain-text option on a protected file stop start-up with the store's
/// message instead of failing a sync run later. A host's own <see cref="ISecretStore"/> is left alone.
/// </summary>
internal sealed class SqliteSecretsOpening(ISecretStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        store is SqliteSecretStore sqlite ? sqlite.OpenAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
