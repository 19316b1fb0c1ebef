using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>A connector whose connection check does whatever the test tells it to.</summary>
public sealed class FakeConnector : IConnector
{
    private Func<ConnectionContext, CancellationToken, ValueTask<ConnectionCheckResult>> _check =
        (_, _) => ValueTask.FromResult(ConnectionCheckResult.Success());

    private Func<ConnectionSettings, IReadOnlyList<SettingProblem>> _validate = _ => [];

    public FakeConnector(ConnectorDescriptor? descriptor = null)
    {
        Descriptor = descriptor ?? LifecycleFixtures.Descriptor;
    }

    public ConnectorDescriptor Descriptor { get; }

    public IReadOnlyList<IFeature> Features { get; } = [];

    public int CheckCalls { get; private set; }

    public ConnectionContext? LastContext { get; private set; }

    public FakeConnector Passes(string message = "Connected to example.myshopify.com")
    {
        _check = (_, _) => ValueTask.FromResult(ConnectionCheckResult.Success(message));
        return this;
    }

    public FakeConnector Fails(string message, string? failedSetting = null)
    {
        _check = (_, _) => ValueTask.FromResult(ConnectionCheckResult.Failure(message, failedSetting));
        return this;
    }

    public FakeConnector Throws(Exception exception)
    {
        _check = (_, _) => throw exception;
        return this;
    }

    public FakeConnector Does(Func<ConnectionContext, CancellationToken, ValueTask<ConnectionCheckResult>> check)
    {
        _check = check;
        return this;
    }

    public FakeConnector Validates(Func<ConnectionSettings, IReadOnlyList<SettingProblem>> validate)
    {
        _validate = validate;
        return this;
    }

    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => _validate(settings);

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        CheckCalls++;
        LastContext = connection;
        return _check(connection, cancellationToken);
    }
}
