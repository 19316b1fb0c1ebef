using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// Waits for a condition in the shared database: it listens on <see cref="ScalingTables.Channel"/> and asks again
/// each time the proof's tables change (at the latest every second, for changes of the SDK's own tables). The
/// deadline is generous and only guards against a hang; how long the wait took is never judged.
/// </summary>
public static class ScalingWait
{
    /// <summary>Asks <paramref name="probe"/> until it answers, or fails when the deadline passes or a process broke.</summary>
    /// <typeparam name="T">What the probe answers.</typeparam>
    /// <param name="database">The connection string of the shared database.</param>
    /// <param name="probe">Answers <see langword="null"/> while the condition does not hold.</param>
    /// <param name="what">What is waited for, for the failure's message.</param>
    /// <param name="deadline">The guard against a hang.</param>
    /// <param name="broken">Says why waiting is pointless (a process ended), or <see langword="null"/>.</param>
    /// <returns>The probe's answer.</returns>
    /// <exception cref="TimeoutException">The deadline passed; the message says what was awaited.</exception>
    public static async Task<T> UntilAsync<T>(string database, Func<NpgsqlConnection, Task<T?>> probe, string what, TimeSpan deadline, Func<string?> broken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(broken);
        using var guard = new CancellationTokenSource(deadline);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(guard.Token);
        await using (var listen = new NpgsqlCommand($"LISTEN {ScalingTables.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(guard.Token);
        }

        while (true)
        {
            if (await probe(connection) is { } answer)
            {
                return answer;
            }

            if (broken() is { } reason)
            {
                throw new InvalidOperationException($"Gave up waiting for {what}: {reason}");
            }

            try
            {
                await connection.WaitAsync(TimeSpan.FromSeconds(1), guard.Token);
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not happen within {deadline}.");
            }
        }
    }
}
