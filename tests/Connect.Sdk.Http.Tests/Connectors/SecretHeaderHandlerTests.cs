namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class SecretHeaderHandlerTests
{
    [Fact]
    public async Task Bearer_RetriedRequest_CarriesTheTokenOnceOnEveryAttempt()
    {
        await using var harness = new ConnectorHarness(_ => SecretHeaderHandler.Bearer(ConnectorHarness.KeyKey));
        harness.PingFailsOnceThenAnswers();
        var client = await harness.ClientAsync();

        await client.SendAsync(MarketplaceCall.Get("ping", "ping"), CancellationToken.None);

        Assert.Equal(2, harness.Server.LogEntries.Count);
        Assert.All(harness.Server.LogEntries, e => Assert.Equal([$"Bearer {ConnectorHarness.Key}"], e.RequestMessage.Headers!["Authorization"]));
    }
}
