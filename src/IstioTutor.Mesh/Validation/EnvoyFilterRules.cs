namespace IstioTutor.Mesh.Validation;

/// <summary>The structural checks of pkg/config/validation/envoyfilter: each patch needs an applyTo and a patch with a known operation.</summary>
internal sealed class EnvoyFilterRules : IKindRules
{
    public string Kind => "EnvoyFilter";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.OneOfSelectorOrTargetRefs(spec, "workloadSelector");
        CommonRules.WorkloadSelector(spec["workloadSelector"], "labels");
        foreach (var patch in spec["configPatches"].Items())
        {
            if (patch.Node is null)
            {
                patch.Error("Envoy filter: null config patch");
                continue;
            }

            var applyTo = patch["applyTo"].Enum("INVALID", "LISTENER", "FILTER_CHAIN", "NETWORK_FILTER", "HTTP_FILTER", "ROUTE_CONFIGURATION", "VIRTUAL_HOST", "HTTP_ROUTE", "CLUSTER", "EXTENSION_CONFIG", "BOOTSTRAP", "LISTENER_FILTER");
            if (applyTo is null or "INVALID")
            {
                patch["applyTo"].Error("Envoy filter: missing applyTo");
            }

            if (!patch.Has("patch"))
            {
                patch["patch"].Error("Envoy filter: missing patch");
                continue;
            }

            var operation = patch["patch"]["operation"].Enum("INVALID", "MERGE", "ADD", "REMOVE", "INSERT_BEFORE", "INSERT_AFTER", "INSERT_FIRST", "REPLACE");
            if (operation is null or "INVALID")
            {
                patch["patch"]["operation"].Error("Envoy filter: missing patch operation");
            }
            else if (operation != "REMOVE" && !patch["patch"].Has("value"))
            {
                patch["patch"]["value"].Error("Envoy filter: missing patch value for non-remove operation");
            }
        }
    }
}
