using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RentalRules.Hosting.Tests.Infrastructure;

/// <summary>Keeps every log entry (message, structured values, exception) so that tests can read what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
    {
        /// <summary>Everything a log sink could write for the entry.</summary>
        public string All => $"{Category} {Message} {Values} {Exception}";
    }

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public string Text => string.Join("\n", Entries.Select(e => e.All));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._entries.Enqueue(new Entry(category, LogLevel.None, default, "scope", state.ToString() ?? "", null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            owner._entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
