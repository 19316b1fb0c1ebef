using Connect.Sdk.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Orders;

/// <summary>Registers the order import services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class OrderImportServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check.</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } = [];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
