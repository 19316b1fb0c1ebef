namespace Connect.Sdk.Secrets.DataProtection;

/// <summary>The key folder, readable by the process's user only: the keys in it decrypt every secret.</summary>
internal static class OwnerOnlyFolder
{
    internal const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and its parents) as 0700 on Unix, or narrows an existing one to that.</summary>
    public static DirectoryInfo Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            // Windows folders inherit the ACL of the user profile or the service's data folder; Data Protection's own
            // DPAPI option protects the keys there.
            return Directory.CreateDirectory(full);
        }

        var folder = Directory.Exists(full) ? new DirectoryInfo(full) : Directory.CreateDirectory(full, Mode);
        if (folder.UnixFileMode != Mode)
        {
            // A folder that existed before (made by hand, or by the umask) is narrowed, since the keys lie in it in plain form.
            folder.UnixFileMode = Mode;
        }

        return folder;
    }
}
