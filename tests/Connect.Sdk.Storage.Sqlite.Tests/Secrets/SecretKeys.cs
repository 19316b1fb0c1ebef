using Connect.Sdk.Secrets.DataProtection;

namespace Connect.Sdk.Storage.Sqlite.Tests.Secrets;

/// <summary>Data Protection key folders for one test, deleted with it; each protector made here shares the folder it names.</summary>
public sealed class SecretKeys : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "connect-sdk-key-tests", Guid.NewGuid().ToString("N"));
    private readonly List<DataProtectionSecretProtector> _made = [];

    /// <summary>The key folder the protectors use unless told otherwise.</summary>
    public string Folder => Path.Combine(_root, "keys");

    /// <summary>A protector over <see cref="Folder"/>, or over another folder of this test ("the keys were lost").</summary>
    public DataProtectionSecretProtector Protector(string? folderName = null)
    {
        var protector = DataProtectionSecretProtector.Create(folderName is null ? Folder : Path.Combine(_root, folderName));
        lock (_made)
        {
            _made.Add(protector);
        }

        return protector;
    }

    public void Dispose()
    {
        lock (_made)
        {
            _made.ForEach(p => p.Dispose());
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
