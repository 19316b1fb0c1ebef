using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Settings;

public sealed class SecretsNeverLeakTests
{
    private const string Token = "shpat_0123456789abcdef-very-secret";

    [Fact]
    public void SecretValue_ToString_IsRedacted()
    {
        var secret = new SecretValue(Token);

        Assert.Equal("***", secret.ToString());
        Assert.DoesNotContain(Token, $"{secret}", StringComparison.Ordinal);
        Assert.Equal(Token, secret.Reveal());
    }

    [Fact]
    public void ConnectionSettings_ToString_ShowsPlainValuesAndMasksSecrets()
    {
        var settings = ConnectionSettings.Empty.With("shopUrl", "example.myshopify.com").WithSecret("accessToken", isSet: true);

        Assert.Equal("shopUrl=example.myshopify.com, accessToken=***", settings.ToString());
    }

    [Fact]
    public async Task ConnectionContext_MissingSecret_ThrowsWithoutAnyStoredSecret()
    {
        var store = new InMemorySecretStore();
        var connection = new ConnectionId("shopify-de");
        await store.SetAsync(connection, "accessToken", new SecretValue(Token), CancellationToken.None);
        var context = new ConnectionContext(connection, ConnectorId.Shopify, ConnectionSettings.Empty.WithSecret("accessToken", true), store);

        var ex = await Assert.ThrowsAsync<ConnectionSettingException>(() => context.GetSecretAsync("apiKey", CancellationToken.None).AsTask());

        Assert.Contains("apiKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, context.ToString(), StringComparison.Ordinal);
        Assert.Equal(connection, ex.ConnectionId);
        Assert.Equal("apiKey", ex.SettingKey);
        Assert.Equal(ConnectSdkErrorCode.SettingsInvalid, ex.Code);
    }

    [Fact]
    public void SecretRedactor_TextEchoingASecret_HasItReplaced()
    {
        var redactor = new SecretRedactor([new SecretValue(Token), new SecretValue("ck_consumer_key_123")]);

        var redacted = redactor.Redact($"401 Unauthorized: token {Token} rejected for key ck_consumer_key_123");

        Assert.Equal("401 Unauthorized: token *** rejected for key ***", redacted);
        Assert.DoesNotContain(Token, redactor.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /orders?refresh_token=Atzr%7CIwEBIA%2Fkey failed")]
    [InlineData("{\"error\":\"bad token Atzr|IwEBIA/key\"}")]
    [InlineData("{\"error\":\"bad token Atzr|IwEBIA\\/key\"}")]
    public void SecretRedactor_SecretEchoedEncoded_IsRedactedToo(string echoed)
    {
        var redactor = new SecretRedactor([new SecretValue("Atzr|IwEBIA/key")]);

        var redacted = redactor.Redact(echoed)!;

        Assert.DoesNotContain("IwEBIA", redacted, StringComparison.Ordinal);
        Assert.Contains("***", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretRedactor_SecretContainingAnotherSecret_RedactsTheLongerOneWhole()
    {
        var redactor = new SecretRedactor([new SecretValue("abcdef"), new SecretValue("abcdef-ghijkl")]);

        Assert.Equal("x *** y", redactor.Redact("x abcdef-ghijkl y"));
    }

    [Fact]
    public void SecretRedactor_VeryShortSecret_IsNotUsedToRedactOrdinaryWords()
    {
        var redactor = new SecretRedactor([new SecretValue("ab")]);

        Assert.Equal("about a tab", redactor.Redact("about a tab"));
    }
}
