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
    /// <param name="probe">Answers <see langword="null"/> while the condition does not hold; its queries honour the token.</param>
    /// <param name="what">What is waited for, for the failure's message.</param>
    /// <param name="broken">Says why waiting is pointless (a process ended), or <see langword="null"/>.</param>
    /// <param name="deadline">Cancelled when the guard against a hang fires.</param>
    /// <returns>The probe's answer.</returns>
    /// <exception cref="TimeoutException">The deadline passed; the message says what was awaited.</exception>
    public static async Task<T> UntilAsync<T>(string database, Func<NpgsqlConnection, CancellationToken, Task<T?>> probe, string what, Func<string?> broken, CancellationToken deadline)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(broken);
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(deadline);
            await using (var listen = new NpgsqlCommand($"LISTEN {ScalingTables.Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(deadline);
            }

            while (true)
            {
                if (await probe(connection, deadline) is { } answer)
                {
                    return answer;
                }

                if (broken() is { } reason)
                {
                    throw new InvalidOperationException($"Gave up waiting for {what}: {reason}");
                }

                await connection.WaitAsync(TimeSpan.FromSeconds(1), deadline);
            }
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or NpgsqlException)
        {
            throw new TimeoutException($"{what} did not happen before the deadline.", e);
        }
    }
}
