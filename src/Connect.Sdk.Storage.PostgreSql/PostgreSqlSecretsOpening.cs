using Connect.Sdk.Settings;
using Microsoft.Extensions.Hosting;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// Opens the PostgreSQL secret store when the host starts, before the scheduler's first run: plain-text rows of an older
/// database are protected then, and missing keys or a plain-text option on a protected database stop start-up with the
/// store's message instead of failing a sync run later. A host's own <see cref="ISecretStore"/> is left alone.
/// </summary>
internal sealed class PostgreSqlSecretsOpening(ISecretStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        store is PostgreSqlSecretStore postgreSql ? postgreSql.OpenAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
