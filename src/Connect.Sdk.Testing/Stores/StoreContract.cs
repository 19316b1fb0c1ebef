namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The base of every store contract suite: how the suite gets a fresh store, and a second instance over the same
/// storage to stand for another worker process.
/// </summary>
/// <remarks>
/// Each suite is a class of checks free of any test framework's attributes (<c>…Checks</c>: public virtual methods
/// that fail by throwing, so any runner reports them) and a thin shell that makes each check a test: <c>…Contract</c>
/// in <c>Connect.Sdk.Testing.Stores</c> for xUnit v2 and in <c>Connect.Sdk.Testing.XunitV3.Stores</c> for xUnit v3.
/// </remarks>
/// <typeparam name="TStore">The store interface under test.</typeparam>
public abstract class StoreContract<TStore>
    where TStore : class
{
    /// <summary>Creates a fresh, empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<TStore> CreateStoreAsync();

    /// <summary>
    /// Creates a second store over the same storage as <paramref name="first"/>, as another worker process would open
    /// it: a SQL store returns a second connection to the same database. By default the same instance.
    /// </summary>
    /// <param name="first">A store made by <see cref="CreateStoreAsync"/>.</param>
    /// <returns>The second instance.</returns>
    protected virtual ValueTask<TStore> CreateSecondInstanceAsync(TStore first) => ValueTask.FromResult(first);
}
