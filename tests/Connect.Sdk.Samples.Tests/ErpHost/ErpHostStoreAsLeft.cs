using System.Globalization;

namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>
/// The store of one run of the main-job sample over every marketplace (one cycle), as the run left it: copies of the
/// store, its WAL and its shared-memory file taken before any test opens the store with SQLite (which would fold the
/// WAL into the file and delete it), and their Unix modes.
/// </summary>
public sealed class ErpHostStoreAsLeft
{
    private ErpHostStoreAsLeft(string folder, SampleRun run, IReadOnlyList<string> files, IReadOnlyDictionary<string, UnixFileMode> modes)
    {
        Folder = folder;
        Run = run;
        FilesAsLeft = files;
        ModesAsLeft = modes;
    }

    /// <summary>Two orders before productive mode and two in the one cycle, on each of the nine marketplaces.</summary>
    public const int Bookings = 2 * 2 * 9;

    /// <summary>The folder of the store, for other files a test makes (a backup).</summary>
    public string Folder { get; }

    /// <summary>The store file.</summary>
    public string StorePath => Path.Combine(Folder, "connect.db");

    /// <summary>The key folder the sample puts beside its store.</summary>
    public string KeysFolder => Path.Combine(Folder, "connect.keys");

    /// <summary>Copies of the store and of its WAL and shared-memory file where they were left.</summary>
    public IReadOnlyList<string> FilesAsLeft { get; }

    /// <summary>The Unix mode of each of the store's files as the run left them, by file name; empty on Windows.</summary>
    public IReadOnlyDictionary<string, UnixFileMode> ModesAsLeft { get; }

    /// <summary>How the run ended.</summary>
    internal SampleRun Run { get; }

    /// <summary>
    /// Runs the sample in <paramref name="folder"/> to its end, or until it crashes on purpose right after the ERP
    /// booked order number <paramref name="crashAfterBooking"/> (the store still open, its WAL beside it).
    /// </summary>
    public static async Task<ErpHostStoreAsLeft> RunAsync(string folder, int? crashAfterBooking = null)
    {
        var store = Path.Combine(folder, "connect.db");
        var environment = crashAfterBooking is { } booking
            ? new Dictionary<string, string> { ["ERPHOST_CRASH_AFTER_BOOKING"] = booking.ToString(CultureInfo.InvariantCulture) }
            : null;
        var run = await SampleProcess.RunAsync("ErpHost", ["--store", store, "--cycles", "1", "--speed", "120"], environment: environment);

        var files = new[] { store, store + "-wal", store + "-shm" }.Where(File.Exists).ToList();
        var modes = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in files)
            {
                modes[Path.GetFileName(file)] = File.GetUnixFileMode(file);
            }
        }

        var asLeft = Directory.CreateDirectory(Path.Combine(folder, "as-left")).FullName;
        var copies = files.Select(f => Path.Combine(asLeft, Path.GetFileName(f))).ToList();
        files.Zip(copies).ToList().ForEach(f => File.Copy(f.First, f.Second));
        return new ErpHostStoreAsLeft(folder, run, copies, modes);
    }
}
