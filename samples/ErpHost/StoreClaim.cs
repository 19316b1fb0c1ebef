namespace ErpHost;

/// <summary>
/// One ErpHost process per store. Each process runs its own fake marketplaces, so a second process on the same store
/// would share connections whose marketplaces it cannot see, and both would wait in vain for orders the other's fakes
/// hold. The claim is an exclusive lock on a file beside the store; the system drops it when the process ends, also
/// when it crashes or is killed, so a restart is never refused.
/// </summary>
internal sealed class StoreClaim : IDisposable
{
    private readonly FileStream _lock;

    private StoreClaim(FileStream lockFile) => _lock = lockFile;

    /// <summary>The file that holds the claim of a store.</summary>
    public static string LockPathOf(string storePath) => Path.ChangeExtension(Path.GetFullPath(storePath), ".lock");

    /// <summary>Claims the store, or returns <see langword="null"/> when another process holds it.</summary>
    public static StoreClaim? TryTake(string storePath)
    {
        try
        {
            return new StoreClaim(new FileStream(LockPathOf(storePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}
