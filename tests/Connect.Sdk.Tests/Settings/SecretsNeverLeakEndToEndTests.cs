using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Connect.Sdk.Tests.Settings;

/// <summary>
/// Drives the SDK as a host would, through DI and with logging on at every level, with connectors that
/// misbehave in every way that could leak a token, and looks for the token in everything a person could see.
/// </summary>
public sealed class SecretsNeverLeakEndToEndTests
{
    private const string Token = "tok_live_5f2c9a7e1b3d4f60";

    private static readonly ConnectionId Id = new("leaky-1");

    public static TheoryData<string, Func<ConnectionContext, Task<ConnectionCheckResult>>> LeakyChecks() => new()
    {
        { "failure quoting the token", async c => ConnectionCheckResult.Failure($"token {(await c.GetSecretAsync("apiToken", default)).Reveal()} rejected") },
        { "success quoting the token", async c => ConnectionCheckResult.Success($"connected with {(await c.GetSecretAsync("apiToken", default)).Reveal()}") },
        { "exception quoting the token", async c => throw new HttpRequestException($"401 for Authorization: Bearer {(await c.GetSecretAsync("apiToken", default)).Reveal()}") },
        { "SDK exception quoting the token", async c => throw new ConnectSdkException($"bad token {(await c.GetSecretAsync("apiToken", default)).Reveal()}") },
    };

    [Theory]
    [MemberData(nameof(LeakyChecks))]
    public async Task LifecycleThroughDi_LeakyConnector_TokenAppearsInNoLogResultHistoryOrState(
        string scenario,
        Func<ConnectionContext, Task<ConnectionCheckResult>> check)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        var host = new NullHostServices();
        services.AddConnectSdk()
            .AddConnector(new LeakyConnector(check))
            .ConfigureForeignNumberRules(r => r.WithIdentity(LeakyConnector.Id, "the article number is the number"))
            .UseInMemoryStores()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host);
        await using var provider = services.BuildServiceProvider();
        var lifecycle = provider.GetRequiredService<ConnectionLifecycle>();
        var actor = new Actor("anna");
        var seen = new List<string?>();

        var results = new List<LifecycleResult>
        {
            await lifecycle.CreateAsync(Id, LeakyConnector.Id, "Leaky", actor, default),
            await lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.Set("url", "https://leaky.example").SetSecret("apiToken", new SecretValue(Token)), actor, default),
            await lifecycle.RunConnectionCheckAsync(Id, actor, default),
            await lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Integration, actor, default),
            await lifecycle.SetProductiveModeAsync(Id, true, actor, default),
            await lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.SetSecret("apiToken", new SecretValue(Token + "-rotated")), actor, default),
        };

        seen.AddRange(results.Select(r => r.ToString()));
        seen.AddRange(results.SelectMany(r => r.Transitions).Select(t => t.ToString()));
        seen.AddRange(results.SelectMany(r => r.Reasons).Select(r => r.ToString()));
        seen.Add(settingsUpdateText());
        var stored = await provider.GetRequiredService<IConnectionStore>().GetAsync(Id, default);
        seen.Add(stored?.ToString());
        seen.Add(stored?.Settings.ToString());
        seen.Add(stored?.Check.ToString());
        await foreach (var transition in provider.GetRequiredService<IConnectionStore>().GetHistoryAsync(Id, default))
        {
            seen.Add(transition.ToString());
        }

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        seen.AddRange(logs.Select(l => l.Message));
        seen.AddRange(logs.Select(l => l.Exception?.ToString()));
        seen.AddRange(logs.SelectMany(l => l.StructuredState ?? []).Select(kv => kv.Value));

        Assert.NotEmpty(logs);
        Assert.Contains(results, r => r.Transitions.Any(t => t.Change is LifecycleChange.CheckPassed or LifecycleChange.CheckFailed));
        var leaks = seen.Where(text => text?.Contains(Token, StringComparison.Ordinal) == true).ToArray();
        Assert.True(leaks.Length == 0, $"{scenario}: the token leaked into: {string.Join(" | ", leaks)}");

        static string settingsUpdateText() => SettingsUpdate.Empty.SetSecret("apiToken", new SecretValue(Token)).ToString();
    }

    private sealed class LeakyConnector(Func<ConnectionContext, Task<ConnectionCheckResult>> check) : IConnector
    {
        public static readonly ConnectorId Id = new("leaky");

        public ConnectorDescriptor Descriptor { get; } = new(Id, "Leaky", ChannelKind.Marketplace, [FeatureKind.Stock], new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField("url", "URL") { IsMandatory = true, AffectsConnection = true },
                new SettingField("apiToken", "API token") { IsMandatory = true, IsSecret = true },
            ]),
        ]));

        public IReadOnlyList<IFeature> Features { get; } = [new StubFeature(FeatureKind.Stock)];

        public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
            await check(connection);
    }
}
