using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Errors;

public sealed class ConnectSdkExceptionTests
{
    [Theory]
    [InlineData(401, ConnectSdkErrorCode.CredentialsRefused)]
    [InlineData(403, ConnectSdkErrorCode.CredentialsRefused)]
    [InlineData(429, ConnectSdkErrorCode.Throttled)]
    [InlineData(408, ConnectSdkErrorCode.MarketplaceUnavailable)]
    [InlineData(503, ConnectSdkErrorCode.MarketplaceUnavailable)]
    [InlineData(404, ConnectSdkErrorCode.MarketplaceRefused)]
    [InlineData(200, ConnectSdkErrorCode.AnswerUnreadable)]
    public void Code_OnlyAStatusCode_FollowsFromTheStatus(int status, ConnectSdkErrorCode expected)
    {
        var exception = new ConnectSdkException("Basar answered the order list badly.") { MarketplaceStatusCode = status };

        Assert.Equal(expected, exception.Code);
    }

    [Fact]
    public void Code_NothingSet_IsFailureAndNotTransient()
    {
        var exception = new ConnectSdkException("The journal store is broken.");

        Assert.Equal(ConnectSdkErrorCode.Failure, exception.Code);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public void Code_GivenExplicitly_WinsOverTheStatus()
    {
        var exception = new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, "Shopify answered without data.") { MarketplaceStatusCode = 503 };

        Assert.Equal(ConnectSdkErrorCode.AnswerUnreadable, exception.Code);
        Assert.False(exception.IsTransient);
    }

    [Theory]
    [InlineData(ConnectSdkErrorCode.Throttled, true)]
    [InlineData(ConnectSdkErrorCode.MarketplaceUnavailable, true)]
    [InlineData(ConnectSdkErrorCode.Conflict, true)]
    [InlineData(ConnectSdkErrorCode.SettingsInvalid, false)]
    [InlineData(ConnectSdkErrorCode.CredentialsRefused, false)]
    [InlineData(ConnectSdkErrorCode.MarketplaceRefused, false)]
    [InlineData(ConnectSdkErrorCode.AnswerUnreadable, false)]
    public void IsTransient_ByCode_OnlyForFailuresThatPassOnTheirOwn(ConnectSdkErrorCode code, bool transient)
    {
        Assert.Equal(transient, new ConnectSdkException(code, "a failure").IsTransient);
    }

    [Fact]
    public void IsTransient_SetByTheThrower_OverridesTheCode()
    {
        var exception = new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, "Amazon confirmShipment is in doubt.") { IsTransient = false };

        Assert.False(exception.IsTransient);
    }

    [Fact]
    public void CredentialsRefused_SetWithoutAStatus_SetsTheCodeAndIsARefusal()
    {
        var exception = new ConnectSdkException("Shopify answered with errors: ACCESS_DENIED.") { MarketplaceStatusCode = 200, CredentialsRefused = true };

        Assert.Equal(ConnectSdkErrorCode.CredentialsRefused, exception.Code);
        Assert.True(CredentialsRefusal.In(exception));
    }

    [Fact]
    public void CredentialsRefused_StatusCode401_ReadsTrue()
    {
        Assert.True(new ConnectSdkException("refused") { MarketplaceStatusCode = 401 }.CredentialsRefused);
    }

    [Fact]
    public void ConnectionSettingException_CaughtAsConnectSdkException_NamesTheSettingAndIsSettingsInvalid()
    {
        ConnectSdkException caught;
        try
        {
            throw new ConnectionSettingException("baseUrl", "The Basar base URL 'ftp://x' of connection c-1 is not an http(s) address.");
        }
        catch (ConnectSdkException exception)
        {
            caught = exception;
        }

        var setting = Assert.IsType<ConnectionSettingException>(caught);
        Assert.Equal("baseUrl", setting.SettingKey);
        Assert.Equal(ConnectSdkErrorCode.SettingsInvalid, setting.Code);
        Assert.False(setting.IsTransient);
    }

    [Fact]
    public void MarketplaceErrorCodes_NotGiven_IsEmptyAndDataHoldsNothing()
    {
        var exception = new ConnectSdkException("Shopify answered with errors.") { MarketplaceErrorCodes = ["ACCESS_DENIED"] };

        Assert.Equal(["ACCESS_DENIED"], exception.MarketplaceErrorCodes);
        Assert.Empty(new ConnectSdkException("x").MarketplaceErrorCodes);
        Assert.Empty(exception.Data);
    }
}
