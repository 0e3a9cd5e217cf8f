namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateWasmPlugin plus the CRD enums (phase, type, failStrategy, imagePullPolicy).</summary>
internal sealed class WasmPluginRules : IKindRules
{
    public string Kind => "WasmPlugin";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.OneOfSelectorOrTargetRefs(spec);
        CommonRules.WorkloadSelector(spec["selector"]);
        var url = spec["url"].String() ?? "";
        if (url.Length == 0)
        {
            spec["url"].Error("url field needs to be set");
        }
        else
        {
            var scheme = url.Contains("://", StringComparison.Ordinal) ? url[..url.IndexOf("://", StringComparison.Ordinal)] : "";
            if (scheme is not ("" or "file" or "http" or "https" or "oci"))
            {
                spec["url"].Error($"url contains unsupported scheme: {scheme}");
            }
        }

        var sha = spec["sha256"].String();
        if (sha is not null && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)))
        {
            spec["sha256"].Error("sha256 field must be 64 characters long");
        }

        spec["phase"].Enum("UNSPECIFIED_PHASE", "AUTHN", "AUTHZ", "STATS");
        spec["type"].Enum("UNSPECIFIED_PLUGIN_TYPE", "HTTP", "NETWORK");
        spec["failStrategy"].Enum("FAIL_CLOSE", "FAIL_OPEN", "FAIL_RELOAD");
        spec["imagePullPolicy"].Enum("UNSPECIFIED_POLICY", "IfNotPresent", "Always");
        foreach (var env in spec["vmConfig"]["env"].Items())
        {
            if ((env["name"].String() ?? "").Length == 0)
            {
                env["name"].Error("spec.vmConfig.env invalid: name may not be empty");
            }

            if (env["valueFrom"].Enum("INLINE", "HOST") == "HOST" && env.Has("value"))
            {
                env["value"].Error("value may only be set when valueFrom is INLINE");
            }
        }

        foreach (var match in spec["match"].Items())
        {
            match["mode"].Enum("UNDEFINED", "CLIENT", "SERVER", "CLIENT_AND_SERVER");
            foreach (var port in match["ports"].Items())
            {
                CommonRules.Port(port["number"]);
            }
        }
    }
}
