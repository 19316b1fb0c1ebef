namespace Connect.Sdk.TestSupport;

/// <summary>A fact about Unix file modes (owner-only files and folders), skipped with the reason on Windows, where ACLs decide.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes; on Windows the folder's ACL (the user profile's or the service's) decides who reads the file.";
        }
    }
}
