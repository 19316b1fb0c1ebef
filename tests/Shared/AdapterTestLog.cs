using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// The whole test run's record of a marketplace adapter's tests: every line any of them logged (through
/// <see cref="CreateFactory"/> or the conformance kit's <c>OnLogLine</c>) and every credential they used (registered
/// with <see cref="Secret"/>). The credential scan runs the adapters' test assemblies and searches these records for
/// every secret, so a test that logs elsewhere or uses an unregistered secret escapes it: route both here.
/// </summary>
internal static class AdapterTestLog
{
    private static readonly ConcurrentQueue<string> LinesLogged = new();
    private static readonly ConcurrentDictionary<string, byte> SecretsUsed = new(StringComparer.Ordinal);

    /// <summary>Every line logged so far in this process, oldest first.</summary>
    public static IReadOnlyList<string> Lines => LinesLogged.ToArray();

    /// <summary>Every credential registered so far.</summary>
    public static IReadOnlyCollection<string> Secrets => SecretsUsed.Keys.ToArray();

    /// <summary>Registers a credential a test uses (a token, a key, a secret the fake issued) and returns it.</summary>
    /// <param name="value">The credential.</param>
    /// <returns><paramref name="value"/>, so a constant can be declared through it.</returns>
    public static string Secret(string value)
    {
        SecretsUsed.TryAdd(value, 0);
        return value;
    }

    /// <summary>Records a line captured elsewhere, e.g. by the conformance kit.</summary>
    /// <param name="line">The line.</param>
    public static void Record(string line) => LinesLogged.Enqueue(line);

    /// <summary>A logger factory whose every line (message, structured fields, exception, scopes) is recorded here.</summary>
    /// <param name="ownLines">
    /// Also receives the lines of this factory alone, for a test that asserts on its own log while other tests log
    /// side by side.
    /// </param>
    /// <returns>The factory.</returns>
    public static ILoggerFactory CreateFactory(ConcurrentQueue<string>? ownLines = null) => new RecordingFactory(ownLines);

    private sealed class RecordingFactory(ConcurrentQueue<string>? ownLines) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, ownLines);

        public void AddProvider(ILoggerProvider provider)
        {
            // Everything is recorded here; other providers are not needed.
        }

        public void Dispose()
        {
        }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<string>? ownLines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Keep($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                foreach (var field in fields)
                {
                    line.Append(" | ").Append(field.Key).Append('=').Append(field.Value);
                }
            }

            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            Keep(line.ToString());
        }

        private void Keep(string line)
        {
            Record(line);
            ownLines?.Enqueue(line);
        }
    }
}
