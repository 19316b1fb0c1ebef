namespace Connect.Sdk.Secrets.DataProtection.Tests;

/// <summary>A key folder path for one test under a temporary folder of its own, deleted with the test.</summary>
public sealed class KeyFolder : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "connect-sdk-key-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The key folder; not created until a protector needs it.</summary>
    public string Path => System.IO.Path.Combine(_root, "keys");

    /// <summary>Another key folder of the same test, for "the keys are lost" cases.</summary>
    public string Other => System.IO.Path.Combine(_root, "other-keys");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
