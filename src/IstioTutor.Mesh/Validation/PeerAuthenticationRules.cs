namespace IstioTutor.Mesh.Validation;

/// <summary>ValidatePeerAuthentication plus the CRD's mode enum and CEL port rules.</summary>
internal sealed class PeerAuthenticationRules : IKindRules
{
    private static readonly string[] Modes = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"];

    public string Kind => "PeerAuthentication";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        spec["mtls"]["mode"].Enum(Modes);
        var emptySelector = spec["selector"]["matchLabels"].Count == 0;
        var portLevel = spec["portLevelMtls"];
        if (portLevel.Exists && emptySelector)
        {
            portLevel.Error("mesh/namespace peer authentication cannot have port level mTLS");
        }

        if (portLevel.Exists && portLevel.Count == 0)
        {
            portLevel.Error("port level mTLS, if defined, must have at least one element");
        }

        foreach (var (port, setting) in portLevel.Entries())
        {
            if (!int.TryParse(port, out var number) || number is <= 0 or > 65535)
            {
                setting.Error("port must be in range 1..65535");
            }

            setting["mode"].Enum(Modes);
        }

        CommonRules.WorkloadSelector(spec["selector"]);
    }
}
