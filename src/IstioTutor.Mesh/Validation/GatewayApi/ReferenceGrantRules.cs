namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>ReferenceGrant (apis/v1beta1/referencegrant_types.go): 1..16 from (group, kind, namespace) and to (group, kind, name?).</summary>
internal static class ReferenceGrantRules
{
    public static void Validate(Field spec)
    {
        if (Schema.Required(spec, "from"))
        {
            foreach (var from in Schema.Items(spec["from"], 16, 1))
            {
                GroupKind(from);
                if (Schema.Required(from, "namespace"))
                {
                    Schema.String(from["namespace"], 1, 63, Schema.Namespace);
                }
            }
        }

        if (Schema.Required(spec, "to"))
        {
            foreach (var to in Schema.Items(spec["to"], 16, 1))
            {
                GroupKind(to);
                Schema.String(to["name"], 1, 253);
            }
        }
    }

    private static void GroupKind(Field reference)
    {
        if (Schema.Required(reference, "group"))
        {
            Schema.String(reference["group"], maxLength: 253, pattern: Schema.Group);
        }

        if (Schema.Required(reference, "kind"))
        {
            Schema.String(reference["kind"], 1, 63, Schema.Kind);
        }
    }
}
