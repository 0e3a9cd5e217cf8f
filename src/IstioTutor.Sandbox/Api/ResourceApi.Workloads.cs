using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Patching;
using IstioTutor.Sandbox.Seeding;
using IstioTutor.Sandbox.Workloads;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// Workload kinds: the defaults and checks kube-apiserver applies to Deployments and Services, the
/// <see cref="WorkloadRuntime"/> run on every Deployment write (pods, status, events), cascading deletion,
/// and the read-only rule for what the sandbox seeded. Always called under the lock.
/// </summary>
internal sealed partial class ResourceApi
{
    private const string SeededReadOnly = "the sandbox's workloads are seeded read-only; change how traffic flows with Istio resources (VirtualService, DestinationRule, AuthorizationPolicy, ...) instead, or create your own Deployment";

    private const string PodsReadOnly = "pods are made by their Deployment in the sandbox; change or scale (kubectl scale) the Deployment instead (deleting a pod makes its Deployment start another)";

    private static readonly string[] SelectableFields =
    [
        "metadata.name", "metadata.namespace", "spec.nodeName", "status.phase", "type", "reason",
        "involvedObject.kind", "involvedObject.name", "involvedObject.namespace", "involvedObject.uid", "involvedObject.fieldPath",
    ];

    private const int EventsPerNamespace = 500;

    private readonly WorkloadRuntime _runtime = new();

    private static string? FieldValue(JsonObject o, string[] path)
    {
        JsonNode? node = o;
        foreach (var step in path)
        {
            node = (node as JsonObject)?[step];
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    private static void RefuseSeeded(ServedResource r, string name, JsonObject existing, string verb)
    {
        if (r.Access is ServedAccess.Workload or ServedAccess.Pods && IsSeeded(existing))
        {
            throw StatusError.Forbidden(r, name, verb, SeededReadOnly);
        }
    }

    /// <summary>
    /// <c>kubectl rollout restart</c>'s patch: only the pod template's restartedAt annotation. Allowed on seeded
    /// Deployments, because istio.io's tasks restart them after a namespace label changes (injection, ambient).
    /// </summary>
    private static bool IsRolloutRestart(ServedResource r, PatchFormat format, JsonNode? patch) =>
        r.Kind == ResourceKinds.Deployment
        && format is PatchFormat.Strategic or PatchFormat.Merge
        && patch is JsonObject { Count: 1 } root
        && root["spec"] is JsonObject { Count: 1 } spec
        && spec["template"] is JsonObject { Count: 1 } template
        && template["metadata"] is JsonObject { Count: 1 } metadata
        && metadata["annotations"] is JsonObject { Count: 1 } annotations
        && annotations[RestartedAtAnnotation] is JsonValue;

    /// <summary>
    /// <c>kubectl label</c>'s patch: only metadata.labels (kubectl may add resourceVersion). Allowed on seeded workloads,
    /// because ambient enrollment is a label (<c>kubectl label service productpage istio.io/use-waypoint=waypoint</c>).
    /// </summary>
    private static bool IsLabelsOnly(ServedResource r, PatchFormat format, JsonNode? patch) =>
        r.Access is ServedAccess.Workload
        && format is PatchFormat.Strategic or PatchFormat.Merge
        && patch is JsonObject { Count: 1 } root
        && root["metadata"] is JsonObject metadata
        && metadata["labels"] is JsonObject
        && metadata.All(p => p.Key is "labels" or "resourceVersion");

    private const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    private static bool IsSeeded(JsonObject obj) => (string?)obj["metadata"]?["annotations"]?[SampleWorkloads.SeededAnnotation] == "true";

    /// <summary>Defaults and structural checks of Deployments and Services, as kube-apiserver makes them.</summary>
    private static void PrepareWorkload(ServedResource r, string name, JsonObject obj, JsonObject? existing)
    {
        if (r.Kind == ResourceKinds.Deployment)
        {
            PrepareDeployment(r, name, obj);
        }
        else if (r.Kind == ResourceKinds.Service)
        {
            PrepareService(obj, existing);
        }
    }

    private static void PrepareDeployment(ServedResource r, string name, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? throw StatusError.Invalid(r, name, [new FieldCause("spec", "Required value")]);
        var causes = new List<FieldCause>();
        var matchLabels = spec["selector"]?["matchLabels"] as JsonObject;
        var template = spec["template"] as JsonObject;
        var templateLabels = template?["metadata"]?["labels"] as JsonObject;
        if (spec["selector"] is not JsonObject)
        {
            causes.Add(new FieldCause("spec.selector", "Required value"));
        }
        else if (matchLabels is null || matchLabels.Count == 0)
        {
            causes.Add(new FieldCause("spec.selector", "Invalid value: \"null\": empty selector is invalid for deployment"));
        }
        else if (templateLabels is null || matchLabels.Any(l => (string?)templateLabels[l.Key] != (string?)l.Value))
        {
            causes.Add(new FieldCause("spec.template.metadata.labels", $"Invalid value: {templateLabels?.ToJsonString() ?? "null"}: `selector` does not match template `labels`"));
        }

        var containers = template?["spec"]?["containers"] as JsonArray;
        if (containers is null || containers.Count == 0)
        {
            causes.Add(new FieldCause("spec.template.spec.containers", "Required value"));
        }
        else
        {
            for (var i = 0; i < containers.Count; i++)
            {
                if (string.IsNullOrEmpty((string?)containers[i]?["name"]))
                {
                    causes.Add(new FieldCause($"spec.template.spec.containers[{i}].name", "Required value"));
                }

                if (string.IsNullOrEmpty((string?)containers[i]?["image"]))
                {
                    causes.Add(new FieldCause($"spec.template.spec.containers[{i}].image", "Required value"));
                }
            }
        }

        if (spec["replicas"] is JsonNode replicas && (replicas is not JsonValue value || !value.TryGetValue<int>(out var count) || count < 0))
        {
            causes.Add(new FieldCause("spec.replicas", $"Invalid value: {replicas.ToJsonString()}: must be greater than or equal to 0"));
        }

        if (causes.Count > 0)
        {
            throw StatusError.Invalid(r, name, causes);
        }

        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        spec["strategy"] ??= new JsonObject
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
        };
        var metadata = (JsonObject)obj["metadata"]!;
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        annotations["deployment.kubernetes.io/revision"] ??= "1";
        metadata["annotations"] = annotations;
    }

    private static void PrepareService(JsonObject obj, JsonObject? existing)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        var spec = obj["spec"] as JsonObject ?? new JsonObject();
        obj["spec"] = spec;
        spec["type"] ??= "ClusterIP";
        if ((string?)spec["type"] != "ExternalName")
        {
            var ip = (string?)existing?["spec"]?["clusterIP"] ?? SampleWorkloads.ServiceAddress((string)metadata["namespace"]!, (string)metadata["name"]!);
            if ((string?)spec["clusterIP"] is not "None")
            {
                spec["clusterIP"] = ip;
                spec["clusterIPs"] = new JsonArray(ip);
            }
        }

        spec["sessionAffinity"] ??= "None";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["internalTrafficPolicy"] ??= "Cluster";
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }

        obj["status"] = existing?["status"]?.DeepClone() ?? new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    /// <summary>Runs the workload runtime for a Deployment about to be stored: sets its status, returns what else changes.</summary>
    private WorkloadPlan? PlanDeployment(ServedResource r, JsonObject deployment)
    {
        if (r.Kind != ResourceKinds.Deployment)
        {
            return null;
        }

        var ns = (string)deployment["metadata"]!["namespace"]!;
        var name = (string)deployment["metadata"]!["name"]!;
        var nsLabels = _store.Find("", "namespaces", "", ns)?["metadata"]?["labels"] as JsonObject;
        var owned = _store.List("", "pods", ns).Where(p => WorkloadRuntime.Owns(name, p)).ToList();
        var plan = _runtime.Reconcile(deployment, nsLabels, owned, Now());
        deployment["status"] = plan.Status;
        return plan;
    }

    private void ApplyPlan(JsonObject deployment, WorkloadPlan? plan)
    {
        if (plan is null)
        {
            return;
        }

        var ns = (string)deployment["metadata"]!["namespace"]!;
        foreach (var podName in plan.PodsToDelete)
        {
            _store.Remove("", "pods", ns, podName);
        }

        foreach (var pod in plan.PodsToCreate)
        {
            var metadata = (JsonObject)pod["metadata"]!;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            if (IsSeeded(deployment))
            {
                ((JsonObject)metadata["annotations"]!)[SampleWorkloads.SeededAnnotation] = "true";
            }

            _store.Put("", "pods", ns, pod);
        }

        foreach (var e in plan.Events)
        {
            var metadata = (JsonObject)e["metadata"]!;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            if (e["involvedObject"] is JsonObject involved && (string?)involved["kind"] == "Pod")
            {
                involved["uid"] = plan.PodsToCreate.FirstOrDefault(p => (string?)p["metadata"]!["name"] == (string?)involved["name"])?["metadata"]?["uid"]?.DeepClone();
            }

            _store.Put("", "events", ns, e);
        }

        // Events expire on a cluster (an hour by default); here a namespace keeps its newest ones.
        var events = _store.List("", "events", ns).ToList();
        foreach (var old in events.OrderBy(e => EventSequence((string)e["metadata"]!["name"]!), StringComparer.Ordinal).Take(Math.Max(0, events.Count - EventsPerNamespace)).ToList())
        {
            _store.Remove("", "events", ns, (string)old["metadata"]!["name"]!);
        }
    }

    /// <summary>
    /// A deleted pod of a Deployment is replaced by its ReplicaSet, as on a cluster (how learners "restart a
    /// pod"); the Deployment keeps its scaling events, since it did not scale.
    /// </summary>
    private void ReplacePod(ServedResource r, string ns, JsonObject pod)
    {
        if (r.Access != ServedAccess.Pods)
        {
            return;
        }

        var deployment = _store.List("apps", "deployments", ns).FirstOrDefault(d => WorkloadRuntime.Owns((string)d["metadata"]!["name"]!, pod));
        if (deployment is null)
        {
            return;
        }

        var updated = deployment.DeepClone().AsObject();
        var resource = _served.All.First(s => s.Kind == ResourceKinds.Deployment);
        var plan = PlanDeployment(resource, updated)!;
        _store.Put("apps", "deployments", ns, updated);
        ApplyPlan(updated, plan with { Events = plan.Events.Where(e => (string?)e["involvedObject"]?["kind"] == "Pod").ToList() });
    }

    /// <summary>The time-ordered suffix the runtime gives event names (after the last dot).</summary>
    private static string EventSequence(string name) => name[(name.LastIndexOf('.') + 1)..];

    private void DeleteOwnedPods(ServedResource r, string ns, string name)
    {
        if (r.Kind != ResourceKinds.Deployment)
        {
            return;
        }

        foreach (var pod in _store.List("", "pods", ns).Where(p => WorkloadRuntime.Owns(name, p)).ToList())
        {
            _store.Remove("", "pods", ns, (string)pod["metadata"]!["name"]!);
        }
    }

    /// <summary>The <c>scale</c> subresource of a Deployment (autoscaling/v1 Scale), as kubectl scale reads it.</summary>
    public ApiReply GetScale(ServedResource r, string ns, string name)
    {
        lock (_gate)
        {
            return ApiReply.Ok(Scale(_store.Find(r.Group, r.Plural, ns, name) ?? throw StatusError.NotFound(r, name)));
        }
    }

    /// <summary>Patches or replaces the Scale of a Deployment: only spec.replicas changes, and the runtime follows it.</summary>
    public ApiReply WriteScale(ServedResource r, string ns, string name, PatchFormat? format, JsonNode? body, bool dryRun) =>
        Committed(r, dryRun, () =>
        {
            lock (_gate)
            {
                var existing = _store.Find(r.Group, r.Plural, ns, name) ?? throw StatusError.NotFound(r, name);
                RefuseSeeded(r, name, existing, "patch");
                var scale = Scale(existing);
                var wanted = format switch
                {
                    null => body,
                    PatchFormat.Json => JsonPatchDocument.Apply(scale, body ?? throw StatusError.BadRequest("the patch is empty")),
                    _ => JsonMergePatch.Apply(scale, body),
                };
                var replicas = wanted?["spec"]?["replicas"];
                if (replicas is not JsonValue value || !value.TryGetValue<int>(out var count) || count < 0)
                {
                    throw new StatusError(422, "Invalid", $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: Invalid value: {replicas?.ToJsonString() ?? "null"}: must be greater than or equal to 0",
                        new JsonObject { ["name"] = name, ["group"] = "autoscaling", ["kind"] = "Scale", ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = "Invalid value: must be greater than or equal to 0", ["field"] = "spec.replicas" }) });
                }

                var candidate = Out(r, existing);
                candidate["spec"]!["replicas"] = count;
                var reply = Update(r, ns, name, existing, candidate, dryRun);
                return ApiReply.Ok(Scale((JsonObject)reply.Body));
            }
        });

    private static JsonObject Scale(JsonObject deployment)
    {
        var metadata = deployment["metadata"]!;
        var selector = deployment["spec"]?["selector"]?["matchLabels"] as JsonObject ?? new JsonObject();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = deployment["spec"]?["replicas"]?.DeepClone() ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = deployment["status"]?["replicas"]?.DeepClone() ?? 0,
                ["selector"] = string.Join(',', selector.Select(l => $"{l.Key}={(string?)l.Value}")),
            },
        };
    }
}
