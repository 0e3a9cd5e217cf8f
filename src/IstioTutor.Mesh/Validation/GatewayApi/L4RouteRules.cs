namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>TCPRoute and TLSRoute (v1alpha2, experimental channel): rules of backendRefs, TLSRoute's hostnames.</summary>
internal static class L4RouteRules
{
    public static void Validate(Field spec, bool tls)
    {
        RouteRefs.ParentRefs(spec);
        if (tls)
        {
            RouteRefs.Hostnames(spec);
        }

        if (!Schema.Required(spec, "rules"))
        {
            return;
        }

        foreach (var rule in Schema.Items(spec["rules"], 16, 1))
        {
            if (Schema.Required(rule, "backendRefs"))
            {
                foreach (var backend in Schema.Items(rule["backendRefs"], 16, 1))
                {
                    RouteRefs.BackendRef(backend, weighted: true);
                }
            }
        }
    }
}
