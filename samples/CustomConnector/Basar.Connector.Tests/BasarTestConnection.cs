using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Basar.Connector.Tests;

/// <summary>A Basar connection pointed at a fake, for calling the connector directly without the SDK around it.</summary>
internal static class BasarTestConnection
{
    public const string Token = "basar-test-3f9a27c1e5";

    public static async Task<ConnectionContext> CreateAsync(Uri baseAddress, string token = Token)
    {
        var id = new ConnectionId("basar-test");
        var secrets = new InMemorySecretStore();
        await secrets.SetAsync(id, BasarConnector.ApiTokenKey, new SecretValue(token), CancellationToken.None);
        var settings = ConnectionSettings.Empty.With(BasarConnector.BaseUrlKey, baseAddress.ToString()).With(BasarConnector.FallbackCarrierKey, "DHL").WithSecret(BasarConnector.ApiTokenKey, isSet: true);
        return new ConnectionContext(id, BasarConnector.Id, settings, secrets);
    }
}
