using System.Text.Json;
using System.Text.Json.Serialization;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>
/// JSON for progress reports, the same for the CLI and the mentor dashboard: enums (stage, stuck kind) are
/// written as the names the CSV and the chat use ("beginner"), never as numbers.
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
