namespace IstioTutor.Mesh.Validation;

/// <summary>ValidateRequestAuthentication / validateJwtRule plus the CRD's jwks and URL rules.</summary>
internal sealed class RequestAuthenticationRules : IKindRules
{
    public string Kind => "RequestAuthentication";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        CommonRules.OneOfSelectorOrTargetRefs(spec);
        CommonRules.WorkloadSelector(spec["selector"]);
        foreach (var rule in spec["jwtRules"].Items())
        {
            if (!rule.CheckObject() || rule.Node is null)
            {
                continue;
            }

            foreach (var audience in rule["audiences"].Items())
            {
                if (audience.String() is { Length: 0 })
                {
                    audience.Error("audience must be non-empty string");
                }
            }

            var issuer = rule["issuer"].String() ?? "";
            var jwksUri = rule["jwksUri"].String() ?? "";
            if (issuer.Length == 0 && jwksUri.Length == 0)
            {
                rule["issuer"].Error("issuer or jwksUri must be non-empty string");
            }

            if ((rule.Has("jwksUri") ? 1 : 0) + (rule.Has("jwks_uri") ? 1 : 0) + (rule.Has("jwks") ? 1 : 0) > 1)
            {
                rule.Error("only one of jwks or jwksUri can be set");
            }

            if (jwksUri.Length > 0 && !(Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                rule["jwksUri"].Error($"Invalid value: \"{jwksUri}\": url must have scheme http:// or https://");
            }

            var jwks = rule["jwks"].String();
            if (jwks is { Length: > 0 })
            {
                try
                {
                    using var doc = System.Text.Json.JsonDocument.Parse(jwks);
                    if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                    {
                        rule["jwks"].Error("jwks parse error: failed to unmarshal JWK set: not a JSON object");
                    }
                }
                catch (System.Text.Json.JsonException e)
                {
                    rule["jwks"].Error($"jwks parse error: {e.Message}");
                }
            }

            foreach (var header in rule["fromHeaders"].Items())
            {
                if (header.Node is null)
                {
                    header.Error("location header name must be non-null");
                }
                else if ((header["name"].String() ?? "").Length == 0)
                {
                    header["name"].Error("location header name must be non-empty string");
                }
            }

            foreach (var param in rule["fromParams"].Items())
            {
                if (param.String() is { Length: 0 })
                {
                    param.Error("location query must be non-empty string");
                }
            }

            foreach (var cookie in rule["fromCookies"].Items())
            {
                if (cookie.String() is { Length: 0 })
                {
                    cookie.Error("cookie name must be non-empty string");
                }
            }

            foreach (var output in rule["outputClaimToHeaders"].Items())
            {
                if ((output["claim"].String() ?? "").Length == 0 || (output["header"].String() ?? "").Length == 0)
                {
                    output.Error("outputClaimToHeaders header and claim value must be non-empty string");
                }
            }

            if (rule.Has("timeout"))
            {
                rule["timeout"].Duration();
            }
        }
    }
}
