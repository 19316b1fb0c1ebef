using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// A logger factory that keeps every line logged through it — the formatted message, each structured field and the
/// exception — so that the conformance kit can search the SDK's and the connector's logs for secrets.
/// </summary>
internal sealed class CapturedLog(Action<string>? forward = null) : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line logged so far, oldest first.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
        // Everything is captured here; other providers are not needed.
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        forward?.Invoke(line);
    }

    private sealed class CapturingLogger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            log.Add($"{category} scope: {state}");
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

            log.Add(line.ToString());
        }
    }
}
