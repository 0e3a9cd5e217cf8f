namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>GatewayClass (apis/v1/gatewayclass_types.go): a controllerName "domain/path", an optional description and parametersRef.</summary>
internal static class GatewayClassRules
{
    public static void Validate(Field spec)
    {
        if (Schema.Required(spec, "controllerName"))
        {
            Schema.String(spec["controllerName"], 1, 253, Schema.GatewayController);
        }

        Schema.String(spec["description"], maxLength: 64);
        var parameters = spec["parametersRef"];
        if (parameters.Exists && parameters.CheckObject())
        {
            if (Schema.Required(parameters, "group"))
            {
                Schema.String(parameters["group"], maxLength: 253, pattern: Schema.Group);
            }

            if (Schema.Required(parameters, "kind"))
            {
                Schema.String(parameters["kind"], 1, 63, Schema.Kind);
            }

            if (Schema.Required(parameters, "name"))
            {
                Schema.String(parameters["name"], 1, 253);
            }

            Schema.String(parameters["namespace"], 1, 63, Schema.Namespace);
        }
    }
}
