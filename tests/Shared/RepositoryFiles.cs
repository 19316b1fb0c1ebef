namespace Connect.Sdk.TestSupport;

/// <summary>Finds files of the repository from a test's output folder, for tests that check docs against code.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds <c>Connect.Sdk.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Whether the tests should rewrite generated doc sections instead of failing on a difference.</summary>
    public static bool UpdateDocsRequested => Environment.GetEnvironmentVariable("CONNECT_SDK_UPDATE_DOCS") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connect.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Connect.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
