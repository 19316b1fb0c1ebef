using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Secrets.DataProtection.Tests;

/// <summary>The Data Protection protector passes the protector contract; the second instance reads the same key folder, as another process would.</summary>
public sealed class DataProtectionSecretProtectorContractTests : SecretProtectorContract, IDisposable
{
    private readonly KeyFolder _keys = new();
    private readonly List<DataProtectionSecretProtector> _created = [];

    protected override ValueTask<ISecretProtector> CreateStoreAsync()
    {
        var protector = DataProtectionSecretProtector.Create(_keys.Path);
        _created.Add(protector);
        return ValueTask.FromResult<ISecretProtector>(protector);
    }

    protected override ValueTask<ISecretProtector> CreateSecondInstanceAsync(ISecretProtector first) => CreateStoreAsync();

    public void Dispose()
    {
        _created.ForEach(p => p.Dispose());
        _keys.Dispose();
    }
}
