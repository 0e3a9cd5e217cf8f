using System.Text.Json.Nodes;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>Bookinfo's details (Ruby/WEBrick): the book's publishing details as JSON.</summary>
internal static class Details
{
    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var parts = AppRoute.Parse(request.Path).Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var reply = parts switch
        {
            ["health"] => AppReplies.Json(200, new JsonObject { ["status"] = "Details is healthy" }, 1),
            ["details", var id] when int.TryParse(id, out var productId) => AppReplies.Json(200, Book(productId), 4),
            ["details", _] => AppReplies.Json(400, new JsonObject { ["error"] = "please provide numeric product id" }, 1),
            _ => AppReplies.Text(404, "<HTML>\n  <HEAD><TITLE>Not Found</TITLE></HEAD>\n  <BODY>\n    <H1>Not Found</H1>\n    `" + request.Path + "' not found.\n  </BODY>\n</HTML>\n", 1, "text/html; charset=ISO-8859-1"),
        };
        host.Log(request.Pod, $"127.0.0.6 - - [{host.Now.ToString("dd/MMM/yyyy:HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC] \"{request.Method} {request.Path} HTTP/1.1\" {reply.Status} {reply.Body.Length}");
        return reply;
    }

    private static JsonObject Book(int id) => new()
    {
        ["id"] = id,
        ["author"] = "William Shakespeare",
        ["year"] = 1595,
        ["type"] = "paperback",
        ["pages"] = 200,
        ["publisher"] = "PublisherA",
        ["language"] = "English",
        ["ISBN-10"] = "1234567890",
        ["ISBN-13"] = "123-1234567890",
    };
}
