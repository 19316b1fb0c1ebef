using System.Text;

namespace Connect.Sdk.TestSupport;

/// <summary>Looks for text in files as they lie on disk (a database, its WAL, a backup), the way someone who copies them would.</summary>
internal static class FileText
{
    /// <summary>The texts among <paramref name="texts"/> that occur, UTF-8 encoded, in any of the files that exist.</summary>
    public static IReadOnlyList<string> FoundIn(IEnumerable<string> files, IEnumerable<string> texts)
    {
        var contents = files.Where(File.Exists).Select(Read).ToList();
        return [.. texts.Where(text => contents.Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0))];
    }

    /// <summary>A database file and the WAL and shared-memory files SQLite keeps beside it.</summary>
    public static IEnumerable<string> DatabaseWithWal(string path) => [path, path + "-wal", path + "-shm"];

    private static byte[] Read(string path)
    {
        // Shared, since SQLite in this or another process may still have the file open.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
