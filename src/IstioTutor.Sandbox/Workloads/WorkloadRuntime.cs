using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Workloads;

/// <summary>
/// The sandbox's one workload runtime, for seeded Deployments and created ones alike: plays the
/// Deployment and ReplicaSet controllers, the scheduler, Istio's injection webhook and the kubelet at once.
/// A Deployment gets pods named as a ReplicaSet names them (<c>NAME-TEMPLATEHASH-XXXXX</c>) with the
/// template's labels, an address and the node; pods of a recognised sample image run and are ready,
/// others wait with a Warning event saying the sandbox cannot run them. A template change replaces the
/// pods (the rollout completes at once); scaling adds or removes the newest. Status, conditions and events
/// read as kube-controller-manager and the kubelet write them.
/// </summary>
internal sealed class WorkloadRuntime
{
    public const string NodeName = "sandbox-control-plane";
    public const string HostIp = "172.18.0.2";
    public const string NotSimulatedReason = "ImageNotSimulated";

    /// <summary>
    /// Reconciles <paramref name="deployment"/> (with metadata) in a namespace labelled <paramref name="nsLabels"/>,
    /// given the pods it owns now. <paramref name="now"/> is an RFC 3339 timestamp.
    /// </summary>
    public WorkloadPlan Reconcile(JsonObject deployment, JsonObject? nsLabels, IReadOnlyList<JsonObject> ownedPods, string now)
    {
        var metadata = (JsonObject)deployment["metadata"]!;
        var name = (string)metadata["name"]!;
        var ns = (string)metadata["namespace"]!;
        var replicas = Math.Max(0, (int?)deployment["spec"]?["replicas"] ?? 1);
        var template = deployment["spec"]?["template"] as JsonObject ?? new JsonObject();
        var hash = Hash(ns + "/" + name + "/" + template.ToJsonString(), 10);
        var replicaSet = $"{name}-{hash}";

        var current = ownedPods.Where(p => Str(p["metadata"]?["labels"]?["pod-template-hash"]) == hash)
            .OrderBy(p => Str(p["metadata"]?["creationTimestamp"]), StringComparer.Ordinal)
            .ThenBy(p => Str(p["metadata"]?["name"]), StringComparer.Ordinal)
            .ToList();
        var stale = ownedPods.Except(current).ToList();
        var toDelete = stale.Select(PodName).Concat(current.Skip(replicas).Reverse().Select(PodName)).ToList();
        var kept = current.Take(replicas).ToList();

        var events = new List<JsonObject>();
        var created = new List<JsonObject>();
        var taken = ownedPods.Select(PodName).ToHashSet(StringComparer.Ordinal);
        while (kept.Count + created.Count < replicas)
        {
            // Random like the ReplicaSet controller's suffix, so a replacement never reuses a deleted pod's name.
            string podName;
            do
            {
                podName = $"{replicaSet}-{Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), 5)}";
            }
            while (!taken.Add(podName));

            var pod = Pod(deployment, template, nsLabels, ns, podName, hash, replicaSet, now);
            created.Add(pod);
            events.AddRange(PodEvents(pod, now));
        }

        if (stale.Count > 0 && kept.Count + created.Count > 0)
        {
            events.Add(DeploymentEvent(deployment, "ScalingReplicaSet", $"Scaled up replica set {replicaSet} from {current.Count} to {replicas}", now));
            var oldReplicaSets = stale.GroupBy(p => Str(p["metadata"]?["labels"]?["pod-template-hash"]));
            foreach (var old in oldReplicaSets)
            {
                events.Add(DeploymentEvent(deployment, "ScalingReplicaSet", $"Scaled down replica set {name}-{old.Key} from {old.Count()} to 0", now));
            }
        }
        else if (current.Count < replicas)
        {
            events.Add(DeploymentEvent(deployment, "ScalingReplicaSet", $"Scaled up replica set {replicaSet} from {current.Count} to {replicas}", now));
        }
        else if (current.Count > replicas)
        {
            events.Add(DeploymentEvent(deployment, "ScalingReplicaSet", $"Scaled down replica set {replicaSet} from {current.Count} to {replicas}", now));
        }

        var final = kept.Concat(created).ToList();
        var status = Status(deployment, replicaSet, replicas, final, now);
        return new WorkloadPlan(status, created, toDelete, events);
    }

    /// <summary>Whether <paramref name="pod"/> belongs to the Deployment named <paramref name="deployment"/> (through its ReplicaSet).</summary>
    public static bool Owns(string deployment, JsonObject pod)
    {
        var hash = Str(pod["metadata"]?["labels"]?["pod-template-hash"]);
        return hash is not null && (pod["metadata"]?["ownerReferences"] as JsonArray ?? [])
            .Any(o => Str(o?["kind"]) == "ReplicaSet" && Str(o?["name"]) == $"{deployment}-{hash}");
    }

    private static JsonObject Status(JsonObject deployment, string replicaSet, int replicas, List<JsonObject> pods, string now)
    {
        var ready = pods.Count(IsReady);
        var previous = ((deployment["status"]?["conditions"] as JsonArray) ?? []).OfType<JsonObject>().ToList();
        var available = ready >= replicas;
        var progressed = ready == pods.Count && pods.Count == replicas;
        var status = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]?["generation"]?.DeepClone() ?? 1,
            ["replicas"] = pods.Count,
            ["updatedReplicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
        };
        if (pods.Count - ready > 0)
        {
            status["unavailableReplicas"] = pods.Count - ready;
        }

        if (ready == 0)
        {
            status.Remove("readyReplicas");
            status.Remove("availableReplicas");
        }

        if (pods.Count == 0)
        {
            status.Remove("replicas");
            status.Remove("updatedReplicas");
        }

        status["conditions"] = new JsonArray(
            Condition(previous, "Available", available ? "True" : "False",
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
            Condition(previous, "Progressing", "True",
                progressed ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                progressed ? $"ReplicaSet \"{replicaSet}\" has successfully progressed." : $"ReplicaSet \"{replicaSet}\" is progressing.", now));
        return status;
    }

    /// <summary>A condition keeps its lastTransitionTime while its status stays the same, as the controller keeps it.</summary>
    private static JsonObject Condition(List<JsonObject> previous, string type, string status, string reason, string message, string now)
    {
        var before = previous.FirstOrDefault(c => Str(c["type"]) == type);
        var transition = before is not null && Str(before["status"]) == status ? Str(before["lastTransitionTime"]) ?? now : now;
        var update = before is not null && Str(before["reason"]) == reason && Str(before["message"]) == message ? Str(before["lastUpdateTime"]) ?? now : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = update,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static bool IsReady(JsonObject pod) =>
        ((pod["status"]?["conditions"] as JsonArray) ?? []).Any(c => Str(c?["type"]) == "Ready" && Str(c?["status"]) == "True");

    private static JsonObject Pod(JsonObject deployment, JsonObject template, JsonObject? nsLabels, string ns, string podName, string hash, string replicaSet, string now)
    {
        var templateMeta = template["metadata"] as JsonObject ?? new JsonObject();
        var labels = templateMeta["labels"]?.DeepClone().AsObject() ?? new JsonObject();
        labels["pod-template-hash"] = hash;
        var annotations = templateMeta["annotations"]?.DeepClone().AsObject() ?? new JsonObject();
        var spec = template["spec"]?.DeepClone().AsObject() ?? new JsonObject();
        spec["containers"] ??= new JsonArray();
        var containers = (JsonArray)spec["containers"]!;
        var appContainers = containers.OfType<JsonObject>().ToList();
        var serviceAccount = Str(spec["serviceAccountName"]) ?? Str(spec["serviceAccount"]) ?? "default";
        spec["serviceAccountName"] = serviceAccount;
        spec["serviceAccount"] = serviceAccount;
        spec["nodeName"] = NodeName;
        spec["restartPolicy"] ??= "Always";
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["enableServiceLinks"] ??= true;
        spec["priority"] ??= 0;
        spec["preemptionPolicy"] ??= "PreemptLowerPriority";
        foreach (var container in appContainers)
        {
            container["imagePullPolicy"] ??= Str(container["image"])?.EndsWith(":latest", StringComparison.Ordinal) == true ? "Always" : "IfNotPresent";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
        }

        // Sample behaviour the traffic simulator reads, when the manifest did not say it.
        var first = SampleCatalogue.Recognise(Str(appContainers.FirstOrDefault()?["image"]));
        if (first is not null)
        {
            annotations[Seeding.SampleWorkloads.CallsAnnotation] ??= first.Calls;
            if (first.Stars is not null)
            {
                annotations[Seeding.SampleWorkloads.StarsAnnotation] ??= first.Stars;
            }
        }

        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = podName,
                ["generateName"] = replicaSet + "-",
                ["namespace"] = ns,
                ["labels"] = labels,
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "ReplicaSet",
                    ["name"] = replicaSet,
                    ["uid"] = DeterministicUid(replicaSet + "/" + Str(deployment["metadata"]?["uid"])),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = spec,
        };

        var appName = Str(labels["app"]) ?? Str(labels["app.kubernetes.io/name"]) ?? Str(deployment["metadata"]?["name"]) ?? podName;
        if (SidecarInjection.Injects(nsLabels, labels, annotations))
        {
            SidecarInjection.Inject(pod, appName, Str(labels["version"]) ?? Str(labels["app.kubernetes.io/version"]), Str(nsLabels?["istio.io/rev"]) ?? "default");
        }
        else if (SidecarInjection.IsAmbient(nsLabels))
        {
            annotations["ambient.istio.io/redirection"] = "enabled";
        }

        var statuses = new JsonArray();
        var allRunnable = true;
        foreach (var container in containers.OfType<JsonObject>())
        {
            var image = Str(container["image"]) ?? "";
            var runnable = SampleCatalogue.Recognise(image) is not null;
            allRunnable &= runnable;
            statuses.Add(ContainerStatus(Str(container["name"]) ?? "", image, runnable, now));
        }

        var ready = allRunnable && containers.Count > 0 ? "True" : "False";
        pod["status"] = new JsonObject
        {
            ["phase"] = allRunnable && containers.Count > 0 ? "Running" : "Pending",
            ["conditions"] = new JsonArray(
                PodCondition("PodReadyToStartContainers", "True", now),
                PodCondition("Initialized", "True", now),
                PodCondition("Ready", ready, now, ready == "True" ? null : "ContainersNotReady"),
                PodCondition("ContainersReady", ready, now, ready == "True" ? null : "ContainersNotReady"),
                PodCondition("PodScheduled", "True", now)),
            ["hostIP"] = HostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = HostIp }),
            ["podIP"] = Address(ns, podName),
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = Address(ns, podName) }),
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        };
        return pod;
    }

    private static JsonObject PodCondition(string type, string status, string now, string? reason = null)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastProbeTime"] = null, ["lastTransitionTime"] = now };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        return condition;
    }

    private static JsonObject ContainerStatus(string name, string image, bool runnable, string now)
    {
        var status = new JsonObject
        {
            ["name"] = name,
            ["image"] = image,
            ["imageID"] = runnable ? $"{image.Split(':')[0]}@sha256:{Hash256(image)}" : "",
            ["ready"] = runnable,
            ["started"] = runnable,
            ["restartCount"] = 0,
            ["lastState"] = new JsonObject(),
        };
        if (runnable)
        {
            status["containerID"] = "containerd://" + Hash256(name + "/" + now + "/" + image);
            status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
        }
        else
        {
            status["state"] = new JsonObject
            {
                ["waiting"] = new JsonObject { ["reason"] = NotSimulatedReason, ["message"] = NotSimulatedMessage(image) },
            };
        }

        return status;
    }

    private static string NotSimulatedMessage(string image) =>
        $"The IstioTutor sandbox cannot run image \"{image}\": it simulates only Istio's samples ({SampleCatalogue.Summary}); the workload is kept but never starts.";

    private static IEnumerable<JsonObject> PodEvents(JsonObject pod, string now)
    {
        var ns = Str(pod["metadata"]?["namespace"])!;
        var name = Str(pod["metadata"]?["name"])!;
        yield return Event(pod, "Pod", "Scheduled", $"Successfully assigned {ns}/{name} to {NodeName}", "default-scheduler", null, "Normal", now);
        foreach (var container in ((pod["spec"]?["containers"] as JsonArray) ?? []).OfType<JsonObject>())
        {
            var containerName = Str(container["name"]) ?? "";
            var image = Str(container["image"]) ?? "";
            var fieldPath = $"spec.containers{{{containerName}}}";
            if (SampleCatalogue.Recognise(image) is null)
            {
                yield return Event(pod, "Pod", NotSimulatedReason, NotSimulatedMessage(image), "kubelet", fieldPath, "Warning", now);
                continue;
            }

            yield return Event(pod, "Pod", "Pulled", $"Container image \"{image}\" already present on machine", "kubelet", fieldPath, "Normal", now);
            yield return Event(pod, "Pod", "Created", $"Created container: {containerName}", "kubelet", fieldPath, "Normal", now);
            yield return Event(pod, "Pod", "Started", $"Started container {containerName}", "kubelet", fieldPath, "Normal", now);
        }
    }

    private static JsonObject DeploymentEvent(JsonObject deployment, string reason, string message, string now) =>
        Event(deployment, "Deployment", reason, message, "deployment-controller", null, "Normal", now);

    /// <summary>A core/v1 Event about <paramref name="involved"/>, named as the recorder names them (object name, a dot, a unique suffix).</summary>
    public static JsonObject Event(JsonObject involved, string kind, string reason, string message, string component, string? fieldPath, string type, string now)
    {
        var metadata = involved["metadata"]!;
        var ns = Str(metadata["namespace"]) ?? "default";
        var name = Str(metadata["name"]) ?? "";
        var involvedObject = new JsonObject
        {
            ["kind"] = kind,
            ["namespace"] = ns,
            ["name"] = name,
            ["apiVersion"] = kind == "Deployment" ? "apps/v1" : "v1",
        };
        if (Str(metadata["uid"]) is { } uid)
        {
            involvedObject["uid"] = uid;
        }

        if (fieldPath is not null)
        {
            involvedObject["fieldPath"] = fieldPath;
        }

        var source = new JsonObject { ["component"] = component };
        if (component == "kubelet")
        {
            source["host"] = NodeName;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject
            {
                // The recorder's suffix grows with time, so events list in the order they happened.
                ["name"] = $"{name}.{System.Diagnostics.Stopwatch.GetTimestamp():x16}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}",
                ["namespace"] = ns,
            },
            ["involvedObject"] = involvedObject,
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = source,
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["eventTime"] = null,
            ["reportingComponent"] = component,
            ["reportingInstance"] = component == "kubelet" ? NodeName : "",
        };
    }

    private static string PodName(JsonObject pod) => Str(pod["metadata"]?["name"])!;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A pod's address: stable for its namespace and name, in the cluster's pod range.</summary>
    public static string Address(string ns, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(ns + "/" + name));
        return $"10.244.{bytes[0]}.{1 + (bytes[1] % 254)}";
    }

    /// <summary>Kubernetes' pod-name alphabet (no vowels, no look-alike digits) over a hash of <paramref name="text"/>.</summary>
    public static string Hash(string text, int length)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new string(bytes.Take(length).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    private static string Hash256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string DeterministicUid(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16).ToArray();
        return new Guid(bytes).ToString();
    }

    /// <summary>Formats a time as the API does (RFC 3339, seconds, UTC).</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
