namespace Connect.Sdk.Testing.Stores;

/// <summary>Small helpers the store contracts share.</summary>
internal static class StoreContractHelpers
{
    /// <summary>How many rounds the concurrency checks run; enough to interleave two writers many times.</summary>
    public const int ConcurrencyRounds = 50;

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Runs two writes at once on the thread pool, so that they really race.</summary>
    public static Task<T[]> RaceAsync<T>(Func<Task<T>> first, Func<Task<T>> second) =>
        Task.WhenAll(Task.Run(first), Task.Run(second));
}
