using System.Text.Json;
using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Apps;

/// <summary>Small builders for the replies the sample apps write.</summary>
internal static class AppReplies
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static IstioTutor.Mesh.Simulation.AppReply Json(int status, JsonNode body, double latencyMs, bool indented = false) =>
        new(status, [KeyValuePair.Create("content-type", "application/json")], indented ? body.ToJsonString(Indented) + "\n" : body.ToJsonString(), latencyMs);

    public static IstioTutor.Mesh.Simulation.AppReply Text(int status, string body, double latencyMs, string contentType = "text/plain; charset=utf-8") =>
        new(status, [KeyValuePair.Create("content-type", contentType)], body, latencyMs);

    public static IstioTutor.Mesh.Simulation.AppReply Html(int status, string body, double latencyMs) =>
        new(status, [KeyValuePair.Create("content-type", "text/html; charset=utf-8")], body, latencyMs);

    /// <summary>Flask's (werkzeug's) page for an unknown path.</summary>
    public static IstioTutor.Mesh.Simulation.AppReply FlaskNotFound(double latencyMs) => Html(404,
        "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n",
        latencyMs);
}
