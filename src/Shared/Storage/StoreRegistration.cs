using Connect.Sdk.Lifecycle;
using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Storage.Relational;

/// <summary>How <c>UseSqlite</c> and <c>UsePostgreSql</c> register the stores of their database, the same way.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// Registers the database's secret store, protected with the Data Protection protector (or the host's own
    /// <see cref="ISecretProtector"/>) unless <paramref name="inPlainText"/> says otherwise, and the hosted service that
    /// opens it at start-up. A host's own <c>UseSecretStore</c> (a vault) wins whether it comes before or after; the
    /// in-memory secret store of an earlier <c>UseInMemoryStores</c> does not, or tokens would be lost at every restart
    /// while the connections in the database still say they are set.
    /// </summary>
    /// <typeparam name="TDatabase">The database the store is on.</typeparam>
    /// <typeparam name="TOpening">The hosted service that opens the store at start-up.</typeparam>
    public static void AddSecretStore<TDatabase, TOpening>(
        IServiceCollection services,
        Func<IServiceProvider, bool> inPlainText,
        Func<TDatabase, ISecretStore> plainTextStore,
        Func<TDatabase, ISecretProtector, ISecretStore> protectedStore)
        where TDatabase : class
        where TOpening : class, IHostedService
    {
        if (InMemoryStoresCameFirst(services))
        {
            services.RemoveAll<ISecretStore>();
        }

        services.TryAddSingleton<ISecretProtector>(sp => DataProtectionSecretProtector.CreateInDefaultKeysFolder(sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<ISecretStore>(sp =>
        {
            var database = sp.GetRequiredService<TDatabase>();
            return inPlainText(sp) ? plainTextStore(database) : protectedStore(database, sp.GetRequiredService<ISecretProtector>());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TOpening>());
    }

    /// <summary>Registers a store in place of any registered before (the in-memory ones of <c>UseInMemoryStores</c>).</summary>
    public static void Replace<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService, TImplementation>();
    }

    private static bool InMemoryStoresCameFirst(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(ISecretStore) && d.ImplementationInstance is InMemorySecretStore)
        && services.Any(d => d.ServiceType == typeof(IConnectionStore) && d.ImplementationInstance is InMemoryConnectionStore);
}
