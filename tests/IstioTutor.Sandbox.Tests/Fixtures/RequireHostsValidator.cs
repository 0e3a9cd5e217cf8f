using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>
/// A narrow stand-in for Istio's validation, enough to prove how the server turns an outcome into 422
/// causes and Warning headers: a VirtualService needs spec.hosts; a "*" host earns a warning.
/// </summary>
internal sealed class RequireHostsValidator : IResourceValidator
{
    public const string WildcardWarning = "host \"*\" matches every service; name the hosts you mean";

    public ValidationOutcome Validate(ResourceKind kind, JsonObject resource)
    {
        if (kind.Kind != "VirtualService")
        {
            return ValidationOutcome.Valid;
        }

        if (resource["spec"]?["hosts"] is not JsonArray { Count: > 0 } hosts)
        {
            return new ValidationOutcome([new FieldCause("spec.hosts", "Required value")], []);
        }

        return hosts.Any(h => (string?)h == "*") ? new ValidationOutcome([], [WildcardWarning]) : ValidationOutcome.Valid;
    }
}
