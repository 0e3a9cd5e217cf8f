namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateTelemetry: provider names, tracing sampling range, tag overrides.</summary>
internal sealed class TelemetryRules : IKindRules
{
    public string Kind => "Telemetry";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.OneOfSelectorOrTargetRefs(spec);
        CommonRules.WorkloadSelector(spec["selector"]);
        foreach (var section in new[] { "accessLogging", "tracing", "metrics" })
        {
            foreach (var item in spec[section].Items())
            {
                foreach (var provider in item["providers"].Items())
                {
                    if ((provider["name"].String() ?? "").Length == 0)
                    {
                        provider["name"].Error("providers.name may not be empty");
                    }
                }
            }
        }

        if (spec["tracing"].Count > 1)
        {
            spec["tracing"].Warn("multiple tracing is not currently supported");
        }

        foreach (var tracing in spec["tracing"].Items())
        {
            var sampling = tracing["randomSamplingPercentage"].Number();
            if (sampling is < 0 or > 100)
            {
                tracing["randomSamplingPercentage"].Error("randomSamplingPercentage must be in range [0.0, 100.0]");
            }
        }

        foreach (var metrics in spec["metrics"].Items())
        {
            foreach (var over in metrics["overrides"].Items())
            {
                foreach (var (_, tag) in over["tagOverrides"].Entries())
                {
                    var operation = tag["operation"].Enum("UPSERT", "REMOVE") ?? "UPSERT";
                    var value = tag["value"].String() ?? "";
                    if (operation == "UPSERT" && value.Length == 0)
                    {
                        tag["value"].Error("tagOverrides.value must be set when operation is UPSERT");
                    }
                    else if (operation == "REMOVE" && value.Length > 0)
                    {
                        tag["value"].Error("tagOverrides.value may only be set when operation is UPSERT");
                    }
                }
            }
        }
    }
}
