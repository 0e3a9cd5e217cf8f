using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Schemas;

namespace IstioTutor.Sandbox.Api;

/// <summary>Field validation of Istio and Gateway API objects against their CRD schemas.</summary>
internal sealed partial class ResourceApi
{
    /// <summary>
    /// Names and prunes fields the CRD schema does not declare. Strict refuses the write with the message
    /// kube-apiserver gives; Warn returns them as warnings; Ignore drops them without a word.
    /// </summary>
    private List<string> CheckFields(ServedResource r, JsonObject obj, FieldValidation validation, bool creating)
    {
        if (_crds.Find(r.Group, r.Kind.Kind, r.Version) is not { } crd)
        {
            return [];
        }

        var unknown = UnknownFields.Check(obj, crd.Schema, prune: validation != FieldValidation.Strict);
        if (unknown.Count == 0 || validation == FieldValidation.Ignore)
        {
            return [];
        }

        var named = unknown.Select(f => $"unknown field \"{f}\"").ToList();
        if (validation == FieldValidation.Strict)
        {
            var prefix = creating ? $"{r.Kind.Kind} in version \"{r.Version}\" cannot be handled as a {r.Kind.Kind}: " : "";
            throw StatusError.BadRequest($"{prefix}strict decoding error: {string.Join(", ", named)}");
        }

        return named;
    }
}
