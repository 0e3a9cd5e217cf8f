using Microsoft.Extensions.Options;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// The one reading of a bad setting for every command that starts a host: a failed options validation, or the
/// binder's own error for a value of the wrong type ("bogus" for an enum), which names the key. Commands print
/// it to standard error and exit 2.
/// </summary>
internal static class ConfigurationError
{
    /// <summary>"Invalid configuration: …" for a configuration error; null for any other exception.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException v => $"Invalid configuration: {v.Message}",
        InvalidOperationException { InnerException: { } inner } b when inner is FormatException or ArgumentException =>
            $"Invalid configuration: {b.Message} {inner.Message}",
        _ => null,
    };
}
