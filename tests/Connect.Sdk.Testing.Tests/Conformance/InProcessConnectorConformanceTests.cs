using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Tests.Conformance.InProcess;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Testing.Tests.Conformance;

/// <summary>
/// The conformance kit run against the correct in-process connector: every inherited check passes. This is also the
/// shape a partner's test class has. <see cref="BrokenConnectorTests"/> builds it with a <see cref="ConnectorFlaw"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The kit disposes the fake after each check.")]
public sealed class InProcessConnectorConformanceTests : ConnectorConformanceTests
{
    private readonly ConnectorFlaw _flaws;
    private readonly IReadOnlyCollection<string> _ignoredOrderFields;
    private InProcessMarketplace? _market;

    public InProcessConnectorConformanceTests()
        : this(ConnectorFlaw.None)
    {
    }

    internal InProcessConnectorConformanceTests(ConnectorFlaw flaws, params IReadOnlyCollection<string> ignoredOrderFields)
    {
        _flaws = flaws;
        _ignoredOrderFields = ignoredOrderFields;
    }

    protected override IReadOnlyCollection<string> IgnoredOrderFields => _ignoredOrderFields;

    protected override ForeignNumberLabel ForeignNumberLabel => InProcessConnector.Label;

    protected override int OrderPageSize => InProcessConnector.PageSize;

    /// <summary>Whether the kit gets the marketplace as a fake that cannot read prices back (not an <see cref="IPriceFake"/>).</summary>
    internal bool FakeWithoutPrices { get; init; }

    /// <summary>The basis the marketplace takes prices on; <see langword="null"/> for a fake that does not model it.</summary>
    internal PriceBasis? MarketBasis { get; init; } = PriceBasis.Gross;

    protected override ValueTask<IMarketplaceFake> StartFakeAsync()
    {
        _market = new InProcessMarketplace { Basis = MarketBasis };
        return ValueTask.FromResult<IMarketplaceFake>(FakeWithoutPrices ? new PricelessMarketplace(_market) : _market);
    }

    /// <summary>The <see cref="TimeProvider"/> the connector's services got from the kit.</summary>
    internal TimeProvider? ConnectorTime { get; private set; }

    /// <summary>The in-process marketplace of the current check, for a test that plans its faults.</summary>
    internal InProcessMarketplace Market => _market ?? throw new InvalidOperationException("The kit is not initialised.");

    /// <summary>The kit's fake time of the current check.</summary>
    internal WaitAwareFakeTime KitTime => Time;

    // Registered as a host registers a connector: the kit builds the services with its log and time and takes it.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IConnector>(provider =>
        {
            ConnectorTime = provider.GetRequiredService<TimeProvider>();
            return new InProcessConnector(_market!, provider.GetRequiredService<ILoggerFactory>(), _flaws);
        });

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
        SettingsUpdate.Empty.Set("url", baseAddress.ToString()).SetSecret("token", new SecretValue(InProcessMarketplace.Token));

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        SettingsUpdate.Empty.Set("url", baseAddress.ToString()).SetSecret("token", new SecretValue("wrong-token-0d41e8b7"));
}
