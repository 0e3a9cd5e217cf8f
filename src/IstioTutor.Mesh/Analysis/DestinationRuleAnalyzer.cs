using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>destinationrule/*.go: unknown host (IST0174), subsets selecting no pods (IST0173), TLS without server verification (IST0128/IST0129).</summary>
internal sealed class DestinationRuleAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var dr in model.LocalOfKind("DestinationRule"))
        {
            var host = JsonFields.Str(dr.Spec["host"]);
            if (host is null)
            {
                continue;
            }

            var fqdn = HostName.Resolve(host, dr.Namespace);
            if (!model.HostExists(fqdn))
            {
                yield return Messages.UnknownDestinationRuleHost(dr.Reference, host);
            }

            var service = model.FindService(fqdn);
            if (service is { FromServiceEntry: false, Selector.Count: > 0 })
            {
                var pods = model.WorkloadsOf(service).ToList();
                foreach (var subset in (dr.Spec["subsets"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var labels = JsonFields.Labels(subset["labels"]);
                    if (labels.Count > 0 && !pods.Any(p => p.Matches(labels)))
                    {
                        yield return Messages.DestinationRuleSubsetNotSelectPods(dr.Reference, JsonFields.Str(subset["name"]) ?? "");
                    }
                }
            }

            var policies = new[] { dr.Spec["trafficPolicy"] }
                .Concat((dr.Spec["subsets"] as JsonArray ?? []).Select(s => s?["trafficPolicy"]))
                .OfType<JsonObject>();
            foreach (var policy in policies)
            {
                if (Unverified(policy["tls"]) is { } mode)
                {
                    yield return Messages.NoServerCertificateVerificationDestinationLevel(dr.Reference, dr.Name, dr.Namespace, mode, host);
                }

                foreach (var portPolicy in (policy["portLevelSettings"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (Unverified(portPolicy["tls"]) is { } portMode)
                    {
                        var port = JsonFields.Int(portPolicy["port"]?["number"])?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
                        yield return Messages.NoServerCertificateVerificationPortLevel(dr.Reference, dr.Name, dr.Namespace, portMode, host, port);
                    }
                }
            }
        }
    }

    private static string? Unverified(JsonNode? tls)
    {
        var mode = JsonFields.Str(tls?["mode"]);
        if (mode is not ("SIMPLE" or "MUTUAL"))
        {
            return null;
        }

        var verified = JsonFields.Str(tls?["caCertificates"]) is { Length: > 0 } || JsonFields.Str(tls?["credentialName"]) is { Length: > 0 } || tls?["insecureSkipVerify"]?.GetValue<bool>() == true;
        return verified ? null : mode;
    }
}
