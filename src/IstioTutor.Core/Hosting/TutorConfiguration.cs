using Microsoft.Extensions.Configuration;

namespace IstioTutor.Core.Hosting;

/// <summary>
/// Builds configuration the same way for every host: appsettings.json beside the binary, then one in
/// the current directory, then ISTIOTUTOR_-prefixed environment variables (e.g. ISTIOTUTOR_Llm__ApiKey).
/// </summary>
public static class TutorConfiguration
{
    public const string EnvironmentPrefix = "ISTIOTUTOR_";

    public static IConfigurationBuilder AddTutorSources(this IConfigurationBuilder builder)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (!string.Equals(Path.GetFullPath(Directory.GetCurrentDirectory()), Path.GetFullPath(AppContext.BaseDirectory).TrimEnd('/'), StringComparison.Ordinal))
        {
            builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables(EnvironmentPrefix);
    }
}
