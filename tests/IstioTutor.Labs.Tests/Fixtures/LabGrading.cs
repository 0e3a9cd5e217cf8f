using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>
/// Grades a lab's checker over a learner's real seeded sandbox namespace plus manifests added to its
/// snapshot as the API server would store them — to grade many variants quickly without a chat turn each, and
/// for what learners do with kubectl (namespace labels, bookinfo-versions.yaml Services).
/// Also labels a namespace through the sandbox's API with KubernetesClient, as kubectl label does.
/// </summary>
internal sealed class LabGrading(TutorHostFixture host)
{
    private static readonly ManifestParser Parser = new(new ManifestLimits(200_000, 50, 64, 20_000));

    /// <summary>Each manifest as one applied change, in order; the objects land in the snapshot.</summary>
    public async Task<LabFindings> GradeAsync(string labId, string learner, IEnumerable<string> manifests, IReadOnlyDictionary<string, string?>? namespaceLabels = null, bool versionServices = false)
    {
        var lab = host.Services.GetRequiredService<LabCatalog>().Find(labId)!;
        var ns = LearnerIds.NamespaceOf(learner);
        await host.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);
        var snapshot = await host.Cluster.SnapshotAsync(ns, CancellationToken.None);
        var config = snapshot.IstioConfig.ToList();
        var history = new List<AppliedChange>();
        var at = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var manifest in manifests)
        {
            var steps = new List<AppliedStep>();
            foreach (var doc in Parser.Parse(manifest))
            {
                var obj = doc.Object;
                obj["metadata"]!["namespace"] = ns;
                at = at.AddMinutes(1);
                obj["metadata"]!["creationTimestamp"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
                var kind = ResourceKinds.Find(JsonFields.Str(obj["apiVersion"])!, JsonFields.Str(obj["kind"])!)!;
                config.RemoveAll(o => JsonFields.Str(o["kind"]) == kind.Kind && JsonFields.Str(o["apiVersion"]) == kind.ApiVersion && JsonFields.Name(o) == JsonFields.Name(obj));
                config.Add(obj);
                steps.Add(new AppliedStep(kind, ns, JsonFields.Name(obj)!, null, obj));
            }

            history.Add(new AppliedChange($"c{history.Count}", learner, ns, at, PendingPurpose.Apply, "apply", steps));
        }

        var namespaces = snapshot.Namespaces.Select(n => JsonFields.Name(n) == ns && namespaceLabels is not null ? Relabel(n, namespaceLabels) : n).ToList();
        var services = versionServices ? [.. snapshot.Services, .. VersionServices(ns)] : snapshot.Services;
        var graded = snapshot with { IstioConfig = config, Namespaces = namespaces, Services = services };
        var context = new LabContext(graded, host.Services.GetRequiredService<MeshAnalyzer>().Analyze(graded), history, host.Services.GetRequiredService<TrafficSimulator>(), true, "simulated sandbox");
        var findings = new LabFindings("en");
        lab.Check(context, findings);
        return findings;
    }

    /// <summary>Sets (or, with null, removes) labels on the learner's namespace through the sandbox API, as kubectl label does.</summary>
    public async Task LabelNamespaceAsync(string learner, IReadOnlyDictionary<string, string?> labels)
    {
        var ns = LearnerIds.NamespaceOf(learner);
        await host.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);
        var endpoint = await host.Services.GetRequiredService<IstioTutor.Mesh.Cluster.IEmbeddedSandbox>().StartAsync(CancellationToken.None);
        using var client = new Kubernetes(endpoint.ToClientConfiguration());
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)(l.Value is null ? null : JsonValue.Create(l.Value))))) } };
        await client.CoreV1.PatchNamespaceAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), ns);
    }

    public static readonly IReadOnlyDictionary<string, string?> Ambient = new Dictionary<string, string?> { ["istio.io/dataplane-mode"] = "ambient", ["istio-injection"] = null };

    public static readonly IReadOnlyDictionary<string, string?> AmbientWithWaypoint = new Dictionary<string, string?> { ["istio.io/dataplane-mode"] = "ambient", ["istio-injection"] = null, ["istio.io/use-waypoint"] = "waypoint" };

    private static JsonObject Relabel(JsonObject ns, IReadOnlyDictionary<string, string?> labels)
    {
        var copy = (JsonObject)ns.DeepClone();
        if (copy["metadata"]!["labels"] is not JsonObject current)
        {
            current = [];
            copy["metadata"]!["labels"] = current;
        }

        foreach (var (key, value) in labels)
        {
            current.Remove(key);
            if (value is not null)
            {
                current[key] = value;
            }
        }

        return copy;
    }

    /// <summary>The reviews-v1..v3 Services of Istio's bookinfo-versions.yaml.</summary>
    private static IEnumerable<JsonObject> VersionServices(string ns) =>
        new[] { "v1", "v2", "v3" }.Select(v => JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"reviews-{{{v}}}","namespace":"{{{ns}}}"},"spec":{"selector":{"app":"reviews","version":"{{{v}}}"},"ports":[{"name":"http","port":9080,"targetPort":9080}]}}""")!.AsObject());
}
