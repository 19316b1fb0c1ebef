namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Creates a database file readable and writable by the process's user only (0600 on Unix) before SQLite opens it, so
/// that SQLite, which gives a database's <c>-wal</c> and <c>-shm</c> files the mode of the database file, creates those
/// owner-only too.
/// </summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the file (empty, which SQLite takes as a new database) and its folder when missing; an existing file keeps its mode.</summary>
    public static void CreateIfMissing(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first, with the same mode.
        }
    }
}
