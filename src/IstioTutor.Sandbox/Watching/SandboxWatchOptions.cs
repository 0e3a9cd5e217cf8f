using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IstioTutor.Sandbox.Watching;

/// <summary>
/// Bounds on watches (<c>kubectl get -w</c>, <c>kubectl wait</c>, <c>kubectl rollout status</c>), read from the
/// <c>Sandbox:Watch</c> configuration section and checked when the sandbox starts.
/// </summary>
public sealed record SandboxWatchOptions
{
    public const string Section = "Sandbox:Watch";

    /// <summary>Open watches one client (remote address) may hold; one more is refused with 429.</summary>
    public int MaxPerClient { get; init; } = 100;

    /// <summary>A watch on which nothing happened for this long is closed; kubectl wait and rollout status start a new one.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a watch that allows bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Committed changes kept so a watch can resume from a resourceVersion; older ones get 410 Gone.</summary>
    public int HistorySize { get; init; } = 1000;

    /// <summary>Events a slow watcher may have waiting before its watch is closed (it re-lists, as client-go does).</summary>
    public int QueueLimit { get; init; } = 1000;

    /// <summary>Reads the <c>Sandbox:Watch</c> section (absent keys keep their defaults) and validates it.</summary>
    public static SandboxWatchOptions From(IConfiguration? configuration)
    {
        var defaults = new SandboxWatchOptions();
        if (configuration is null)
        {
            return defaults;
        }

        var section = configuration.GetSection(Section);
        return new SandboxWatchOptions
        {
            MaxPerClient = Read(section, "MaxPerClient", defaults.MaxPerClient, int.TryParse),
            IdleTimeout = Read(section, "IdleTimeout", defaults.IdleTimeout, TimeSpan.TryParse),
            BookmarkInterval = Read(section, "BookmarkInterval", defaults.BookmarkInterval, TimeSpan.TryParse),
            HistorySize = Read(section, "HistorySize", defaults.HistorySize, int.TryParse),
            QueueLimit = Read(section, "QueueLimit", defaults.QueueLimit, int.TryParse),
        }.Validated();
    }

    private delegate bool Parser<T>(string text, IFormatProvider provider, out T value);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, Parser<T> parse)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return parse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration error: {Section}:{key} \"{text}\" is not a {(typeof(T) == typeof(TimeSpan) ? "time span (hh:mm:ss)" : "whole number")}.");
    }

    /// <summary>Throws naming the first key whose value cannot be used.</summary>
    public SandboxWatchOptions Validated()
    {
        Check(MaxPerClient is >= 1 and <= 10_000, "MaxPerClient", $"must be between 1 and 10000 (was {MaxPerClient})");
        Check(IdleTimeout >= TimeSpan.FromSeconds(1) && IdleTimeout <= TimeSpan.FromHours(24), "IdleTimeout", $"must be between 00:00:01 and 1.00:00:00 (was {IdleTimeout})");
        Check(BookmarkInterval >= TimeSpan.FromMilliseconds(100) && BookmarkInterval <= TimeSpan.FromHours(1), "BookmarkInterval", $"must be between 00:00:00.1 and 01:00:00 (was {BookmarkInterval})");
        Check(HistorySize is >= 1 and <= 1_000_000, "HistorySize", $"must be between 1 and 1000000 (was {HistorySize})");
        Check(QueueLimit is >= 1 and <= 1_000_000, "QueueLimit", $"must be between 1 and 1000000 (was {QueueLimit})");
        return this;
    }

    private static void Check(bool ok, string key, string problem)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Configuration error: {Section}:{key} {problem}.");
        }
    }
}
