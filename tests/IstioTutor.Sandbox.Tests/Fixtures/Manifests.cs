using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>Small Istio objects the tests write.</summary>
internal static class Manifests
{
    public static JsonObject VirtualService(string name, params string[] hosts) => new()
    {
        ["apiVersion"] = "networking.istio.io/v1",
        ["kind"] = "VirtualService",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject
        {
            ["hosts"] = new JsonArray(hosts.Select(h => (JsonNode)h).ToArray()),
            ["http"] = new JsonArray(new JsonObject
            {
                ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = hosts.FirstOrDefault() ?? "reviews", ["subset"] = "v1" } }),
            }),
        },
    };

    public static JsonObject DestinationRule(string name, string host) => new()
    {
        ["apiVersion"] = "networking.istio.io/v1",
        ["kind"] = "DestinationRule",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["host"] = host,
            ["subsets"] = new JsonArray(new JsonObject { ["name"] = "v1", ["labels"] = new JsonObject { ["version"] = "v1" } }),
        },
    };
}
