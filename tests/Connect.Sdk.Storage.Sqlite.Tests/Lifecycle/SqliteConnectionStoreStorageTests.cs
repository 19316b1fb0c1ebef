using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Lifecycle;

/// <summary>What the store kit cannot see of the SQLite connection store: every part of a connection survives the file.</summary>
public sealed class SqliteConnectionStoreStorageTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Reopen_FullyConfiguredConnection_IsReadBackEqualWithItsHistory()
    {
        var connection = new Connection
        {
            Id = Shop,
            ConnectorId = ConnectorId.Shopify,
            Name = "Shopify DE",
            CreatedAt = T0,
            Settings = new ConnectionSettings([new("shopDomain", "example.myshopify.com"), new("locationId", "42")], ["accessToken"]),
            Check = new ConnectionCheck(CheckStatus.Passed, T0 + Duration.FromMinutes(5), "Shop found"),
            CredentialsRevision = 3,
            IsProductive = true,
            FeatureModes = new Dictionary<FeatureKind, FeatureMode> { [FeatureKind.Orders] = FeatureMode.Integration, [FeatureKind.Stock] = FeatureMode.Test },
            ImportMode = ImportMode.Automatic,
        };
        LifecycleTransition[] history =
        [
            new(Shop, T0, new Actor("erika"), LifecycleChange.Created, null, "none", "created", null),
            new(Shop, T0 + Duration.FromMinutes(6), Actor.System, LifecycleChange.FeatureModeChanged, FeatureKind.Orders, "Test", "Integration", "all settings given"),
        ];
        var first = _files.Open();
        var stored = await new SqliteConnectionStore(first).TryCreateAsync(connection, history, CancellationToken.None);
        first.Dispose();

        var reopened = new SqliteConnectionStore(_files.Open());
        var read = await reopened.GetAsync(Shop, CancellationToken.None);
        var readHistory = new List<LifecycleTransition>();
        await foreach (var transition in reopened.GetHistoryAsync(Shop, CancellationToken.None))
        {
            readHistory.Add(transition);
        }

        Assert.NotNull(stored);
        Assert.Equal(stored, read);
        Assert.Equal("example.myshopify.com", read!.Settings.Get("shopDomain"));
        Assert.Contains("accessToken", read.Settings.SecretsSet);
        Assert.Equal(history, readHistory);
    }

    [Fact]
    public async Task GetHistory_LineStoredWithCredentialsInAnAddress_ReadsWithoutThem()
    {
        var database = _files.Open();
        var connection = new Connection { Id = Shop, ConnectorId = ConnectorId.Shopify, Name = "Shopify DE", CreatedAt = T0 };
        await new SqliteConnectionStore(database).TryCreateAsync(
            connection, [new(Shop, T0, new Actor("erika"), LifecycleChange.SettingsChanged, null, "(not set)", "example.myshopify.com", "shopDomain")], CancellationToken.None);

        // As a version that did not hide them yet wrote it.
        await using (var raw = new SqliteConnection($"Data Source={_files.DefaultPath};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var update = raw.CreateCommand();
            update.CommandText = "UPDATE connection_history SET from_state = 'https://anna:s3cr3t@example.myshopify.com', detail = 'shopDomain https://anna:s3cr3t@example.myshopify.com';";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var read = new List<LifecycleTransition>();
        await foreach (var transition in new SqliteConnectionStore(_files.Open("connect.db")).GetHistoryAsync(Shop, CancellationToken.None))
        {
            read.Add(transition);
        }

        var line = Assert.Single(read);
        Assert.Equal(("https://***@example.myshopify.com", "shopDomain https://***@example.myshopify.com"), (line.From, line.Detail));
        Assert.DoesNotContain("s3cr3t", line.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
