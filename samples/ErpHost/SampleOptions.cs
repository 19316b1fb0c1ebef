using System.Globalization;

namespace ErpHost;

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions
{
    private const string Usage = """
        Runs an ERP with Connect.Sdk end to end on one machine: fake marketplaces on loopback, a SQLite store,
        the hosted scheduler. Each connection goes live the way the seeds describe it, then the scheduler moves
        orders in, stock and prices out and tracking out for a few cycles; the ERP changes a price on the way,
        and a fault on the way is healed by a retry.
        Run it again with the same store: the connections resume and no order is booked twice.

        Usage: dotnet run --project samples/ErpHost [-- options]

        Options:
          --store <path>          SQLite store file (default: {store}); the keys that encrypt its
                                  secrets go to a folder beside it (connect.keys for connect.db)
          --cycles <n>            productive cycles to run, 1-50 (default: 3)
          --marketplaces <list>   comma-separated, from: {marketplaces} (default: all)
          --speed <factor>        how much faster than the wall clock sample time runs, 1-600 (default: 60)
          --verbose               also print the SDK's information logs
          --help                  show this text

        One process per store: a second ErpHost on a store in use exits with code 3 and says so.
        """;

    public required string StorePath { get; init; }

    /// <summary>The <c>--help</c> text.</summary>
    public static string UsageText(IReadOnlyCollection<string> marketplaces) =>
        Usage.Replace("{store}", DefaultStorePath, StringComparison.Ordinal).Replace("{marketplaces}", string.Join(", ", marketplaces), StringComparison.Ordinal);

    public int Cycles { get; init; } = 3;

    public IReadOnlyList<string> Marketplaces { get; init; } = [];

    public double Speed { get; init; } = 60;

    public bool Verbose { get; init; }

    public static string DefaultStorePath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "ConnectSdk.ErpHost",
        "connect.db");

    /// <summary>The folder of the keys that protect the store's secrets: beside the store, e.g. <c>connect.keys</c> for <c>connect.db</c>.</summary>
    public static string KeysFolderOf(string storePath) => Path.ChangeExtension(Path.GetFullPath(storePath), ".keys");

    /// <summary>Reads the command line; returns the options or the reason they are wrong.</summary>
    public static (SampleOptions? Options, string? Error) Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var options = new SampleOptions { StorePath = DefaultStorePath, Marketplaces = [.. known] };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            try
            {
                options = args[i] switch
                {
                    "--store" => options with { StorePath = Value() },
                    "--cycles" => options with { Cycles = Bounded(Number<int>(Value(), "--cycles"), 1, 50, "--cycles") },
                    "--speed" => options with { Speed = Bounded(Number<double>(Value(), "--speed"), 1, 600, "--speed") },
                    "--marketplaces" => options with { Marketplaces = Known(Value(), known) },
                    "--verbose" => options with { Verbose = true },
                    _ => throw new FormatException($"Unknown option {args[i]}."),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }

        return (options, null);
    }

    private static T Number<T>(string text, string option)
        where T : IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{option} needs a number, not '{text}'.");

    private static T Bounded<T>(T value, T min, T max, string option)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0 ? throw new FormatException($"{option} must be between {min} and {max}.") : value;

    private static string[] Known(string list, IReadOnlyCollection<string> known)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
        return unknown.Length > 0 || names.Length == 0
            ? throw new FormatException($"Unknown marketplace(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", known)}.")
            : names;
    }
}
