using System.Text.Json.Nodes;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>Bookinfo's ratings (Node.js): the stars each reviewer gave, from its in-memory data.</summary>
internal static class Ratings
{
    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var parts = AppRoute.Parse(request.Path).Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var reply = parts switch
        {
            ["health"] => AppReplies.Json(200, new JsonObject { ["status"] = "Ratings is healthy" }, 1),
            ["ratings", var id] when int.TryParse(id, out var productId) && request.Method == "GET" =>
                AppReplies.Json(200, new JsonObject { ["id"] = productId, ["ratings"] = new JsonObject { ["Reviewer1"] = 5, ["Reviewer2"] = 4 } }, 3),
            ["ratings", _] when request.Method == "GET" => AppReplies.Json(400, new JsonObject { ["error"] = "please provide numeric product ID" }, 1),
            _ => AppReplies.Json(404, new JsonObject { ["error"] = "invalid request" }, 1),
        };
        host.Log(request.Pod, $"{request.Method} {request.Path}");
        return reply;
    }
}
