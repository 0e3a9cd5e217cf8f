using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Printing;

/// <summary>
/// The columns kube-apiserver prints for the built-in kinds the sandbox serves (pkg/printers/internalversion:
/// names, types and priorities; priority 1 columns appear with <c>-o wide</c>).
/// </summary>
internal static class BuiltInColumns
{
    private const string NameDescription = "Name must be unique within a namespace.";
    private const string AgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created.";

    public static TableColumn Name { get; } = new("Name", "string", "name", NameDescription, 0, (o, _) => Str(o["metadata"]?["name"]));

    public static TableColumn Age { get; } = new("Age", "string", "", AgeDescription, 0, (o, now) => HumanDuration.Since(Str(o["metadata"]?["creationTimestamp"]), now));

    public static IReadOnlyList<TableColumn>? For(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => Pods,
        ("", "Service") => Services,
        ("apps", "Deployment") => Deployments,
        ("", "Namespace") => [Name, Column("Status", "The status of the namespace", (o, _) => Str(o["status"]?["phase"]) ?? "Active"), Age],
        ("", "ServiceAccount") => [Name, Column("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.", (o, _) => (o["secrets"] as JsonArray)?.Count ?? 0), Age],
        ("", "ConfigMap") => [Name, Column("Data", "Data contains the configuration data.", (o, _) => ((o["data"] as JsonObject)?.Count ?? 0) + ((o["binaryData"] as JsonObject)?.Count ?? 0)), Age],
        ("", "Event") => Events,
        _ => null,
    };

    private static readonly IReadOnlyList<TableColumn> Pods =
    [
        Name,
        Column("Ready", "The aggregate readiness state of this pod for accepting traffic.", (o, _) => PodReady(o)),
        Column("Status", "The aggregate status of the containers in this pod.", (o, _) => PodStatus(o)),
        Column("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", (o, _) =>
            ((o["status"]?["containerStatuses"] as JsonArray) ?? []).Sum(c => (int?)c?["restartCount"] ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Age,
        Column("IP", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", (o, _) => Str(o["status"]?["podIP"]) ?? "<none>", 1),
        Column("Node", "NodeName is a request to schedule this pod onto a specific node.", (o, _) => Str(o["spec"]?["nodeName"]) ?? "<none>", 1),
        Column("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node.", (o, _) => Str(o["status"]?["nominatedNodeName"]) ?? "<none>", 1),
        Column("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness.", (o, _) => ReadinessGates(o), 1),
    ];

    private static readonly IReadOnlyList<TableColumn> Services =
    [
        Name,
        Column("Type", "Type determines how the Service is exposed.", (o, _) => Str(o["spec"]?["type"]) ?? "ClusterIP"),
        Column("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly.", (o, _) => Str(o["spec"]?["clusterIP"]) ?? "<none>"),
        Column("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.", (o, _) => ExternalIp(o)),
        Column("Port(s)", "The list of ports that are exposed by this service.", (o, _) => Ports(o)),
        Age,
        Column("Selector", "Route service traffic to pods with label keys and values matching this selector.", (o, _) => Selector(o["spec"]?["selector"] as JsonObject), 1),
    ];

    private static readonly IReadOnlyList<TableColumn> Deployments =
    [
        Name,
        Column("Ready", "Number of the pod with ready state", (o, _) => $"{(int?)o["status"]?["readyReplicas"] ?? 0}/{(int?)o["spec"]?["replicas"] ?? 1}"),
        Column("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", (o, _) => (int?)o["status"]?["updatedReplicas"] ?? 0, type: "integer"),
        Column("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", (o, _) => (int?)o["status"]?["availableReplicas"] ?? 0, type: "integer"),
        Age,
        Column("Containers", "Names of each container in the template.", (o, _) => Containers(o, "name"), 1),
        Column("Images", "Images referenced by each container in the template.", (o, _) => Containers(o, "image"), 1),
        Column("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", (o, _) => Selector(o["spec"]?["selector"]?["matchLabels"] as JsonObject), 1),
    ];

    private static readonly IReadOnlyList<TableColumn> Events =
    [
        Column("Last Seen", "Time when this Event was last observed.", (o, now) => HumanDuration.Since(Str(o["lastTimestamp"]) ?? Str(o["eventTime"]) ?? Str(o["metadata"]?["creationTimestamp"]), now)),
        Column("Type", "Type of this event (Normal, Warning), new types could be added in the future.", (o, _) => Str(o["type"])),
        Column("Reason", "The reason this event is generated.", (o, _) => Str(o["reason"])),
        Column("Object", "The object that this event is about.", (o, _) => $"{Str(o["involvedObject"]?["kind"])?.ToLowerInvariant()}/{Str(o["involvedObject"]?["name"])}"),
        Column("Subobject", "The subobject that this event is about.", (o, _) => Str(o["involvedObject"]?["fieldPath"]) ?? "", 1),
        Column("Source", "The component reporting this event.", (o, _) => Source(o), 1),
        Column("Message", "A human-readable description of the status of this operation.", (o, _) => Str(o["message"])),
        Column("First Seen", "The time at which the event was first recorded.", (o, now) => HumanDuration.Since(Str(o["firstTimestamp"]) ?? Str(o["metadata"]?["creationTimestamp"]), now), 1),
        Column("Count", "The number of times this event has occurred.", (o, _) => (int?)o["count"] ?? 1, 1, "integer"),
        Column("Name", "The name of this event.", (o, _) => Str(o["metadata"]?["name"]), 1),
    ];

    private static TableColumn Column(string name, string description, Func<JsonObject, DateTimeOffset, JsonNode?> cell, int priority = 0, string type = "string") =>
        new(name, type, "", description, priority, cell);

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string PodReady(JsonObject pod)
    {
        var total = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = ((pod["status"]?["containerStatuses"] as JsonArray) ?? []).Count(c => (bool?)c?["ready"] == true);
        return $"{ready}/{total}";
    }

    /// <summary>As kubectl's printPod: a deleting pod is Terminating, a waiting or failed container's reason wins, else the phase.</summary>
    private static string PodStatus(JsonObject pod)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var reason = Str(pod["status"]?["reason"]) ?? Str(pod["status"]?["phase"]) ?? "Pending";
        foreach (var status in ((pod["status"]?["containerStatuses"] as JsonArray) ?? []).OfType<JsonObject>().Reverse())
        {
            if (Str(status["state"]?["waiting"]?["reason"]) is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (status["state"]?["terminated"] is JsonObject terminated)
            {
                reason = Str(terminated["reason"]) ?? ((int?)terminated["exitCode"] is { } code ? $"ExitCode:{code}" : reason);
            }
        }

        return reason;
    }

    private static string ReadinessGates(JsonObject pod)
    {
        if (pod["spec"]?["readinessGates"] is not JsonArray { Count: > 0 } gates)
        {
            return "<none>";
        }

        var conditions = ((pod["status"]?["conditions"] as JsonArray) ?? []).OfType<JsonObject>().ToList();
        var ready = gates.Count(g => conditions.Any(c => Str(c["type"]) == Str(g?["conditionType"]) && Str(c["status"]) == "True"));
        return $"{ready}/{gates.Count}";
    }

    private static string ExternalIp(JsonObject service)
    {
        var spec = service["spec"];
        var external = ((spec?["externalIPs"] as JsonArray) ?? []).Select(Str).OfType<string>().ToList();
        switch (Str(spec?["type"]))
        {
            case "LoadBalancer":
                var ingress = ((service["status"]?["loadBalancer"]?["ingress"] as JsonArray) ?? [])
                    .Select(i => Str(i?["ip"]) ?? Str(i?["hostname"])).OfType<string>().ToList();
                external.AddRange(ingress);
                return external.Count > 0 ? string.Join(',', external) : "<pending>";
            case "ExternalName":
                return Str(spec?["externalName"]) ?? "<none>";
            default:
                return external.Count > 0 ? string.Join(',', external) : "<none>";
        }
    }

    private static string Ports(JsonObject service)
    {
        var ports = ((service["spec"]?["ports"] as JsonArray) ?? []).OfType<JsonObject>()
            .Select(p => (int?)p["nodePort"] is { } node and > 0
                ? $"{(int?)p["port"]}:{node}/{Str(p["protocol"]) ?? "TCP"}"
                : $"{(int?)p["port"]}/{Str(p["protocol"]) ?? "TCP"}")
            .ToList();
        return ports.Count > 0 ? string.Join(',', ports) : "<none>";
    }

    private static string Selector(JsonObject? labels) =>
        labels is { Count: > 0 } ? string.Join(',', labels.Select(l => $"{l.Key}={Str(l.Value)}")) : "<none>";

    private static string Containers(JsonObject deployment, string field) =>
        string.Join(',', ((deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray) ?? []).Select(c => Str(c?[field]) ?? ""));

    private static string Source(JsonObject e)
    {
        var component = Str(e["source"]?["component"]) ?? Str(e["reportingComponent"]) ?? "";
        var host = Str(e["source"]?["host"]);
        return host is null ? component : $"{component}, {host}";
    }
}
