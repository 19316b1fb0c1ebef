using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Settings;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="ISecretStore"/>: derive a test class in the store's test project from the shell
/// that makes each check a test (<see cref="SecretStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.SecretStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class SecretStoreChecks : StoreContract<ISecretStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");

    /// <summary>A secret never stored reads as nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NeverStored_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Shop, "apiToken", CancellationToken.None));
    }

    /// <summary>A stored secret reads back, a second one replaces it, and it belongs to its connection and key only.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Set_Secret_IsReadBackPerConnectionAndKey()
    {
        var store = await CreateStoreAsync();

        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret-1"), CancellationToken.None);
        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret-2"), CancellationToken.None);
        await store.SetAsync(OtherShop, "apiToken", new SecretValue("other"), CancellationToken.None);

        Assert.Equal("s3cret-2", (await store.GetAsync(Shop, "apiToken", CancellationToken.None))?.Reveal());
        Assert.Equal("other", (await store.GetAsync(OtherShop, "apiToken", CancellationToken.None))?.Reveal());
        Assert.Null(await store.GetAsync(Shop, "apiSecret", CancellationToken.None));
    }

    /// <summary>Removing a secret makes it read as nothing; removing it again, or one never stored, does nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Remove_StoredSecret_IsGoneAndRepeatingDoesNothing()
    {
        var store = await CreateStoreAsync();
        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret"), CancellationToken.None);
        await store.SetAsync(OtherShop, "apiToken", new SecretValue("other"), CancellationToken.None);

        await store.RemoveAsync(Shop, "apiToken", CancellationToken.None);
        await store.RemoveAsync(Shop, "apiToken", CancellationToken.None);
        await store.RemoveAsync(Shop, "neverStored", CancellationToken.None);

        Assert.Null(await store.GetAsync(Shop, "apiToken", CancellationToken.None));
        Assert.Equal("other", (await store.GetAsync(OtherShop, "apiToken", CancellationToken.None))?.Reveal());
    }
}
