namespace IstioTutor.Mesh.Validation;

/// <summary>
/// ValidateAuthorizationPolicy. Istio prefixes each error with "invalid policy NAME.NAMESPACE:"; the
/// causes keep that prefix so the 422 reads as the webhook's does.
/// </summary>
internal sealed class AuthorizationPolicyRules : IKindRules
{
    private static readonly string[] SourceFields =
    [
        "principals", "requestPrincipals", "namespaces", "ipBlocks", "remoteIpBlocks", "serviceAccounts", "trustDomains",
        "notPrincipals", "notRequestPrincipals", "notNamespaces", "notIpBlocks", "notRemoteIpBlocks", "notServiceAccounts", "notTrustDomains",
    ];

    private static readonly string[] OperationFields = ["ports", "methods", "paths", "hosts", "notPorts", "notMethods", "notPaths", "notHosts"];

    private static readonly string[] TcpSourceFields = ["principals", "notPrincipals", "ipBlocks", "notIpBlocks", "namespaces", "notNamespaces", "remoteIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts"];

    public string Kind => "AuthorizationPolicy";

    public void Validate(Field spec, ResourceIdentity identity)
    {
        var prefix = $"invalid policy {identity.Name}.{identity.Namespace}: ";
        void Fail(Field f, string message) => f.Error(prefix + message);

        CommonRules.OneOfSelectorOrTargetRefs(spec);
        CommonRules.WorkloadSelector(spec["selector"]);
        var action = spec["action"].Enum("ALLOW", "DENY", "AUDIT", "CUSTOM") ?? "ALLOW";
        var rules = spec["rules"];
        if (action == "CUSTOM")
        {
            if (!rules.Exists)
            {
                Fail(rules, "CUSTOM action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request");
            }
            else if ((spec["provider"]["name"].String() ?? "").Length == 0)
            {
                Fail(spec["provider"], "`provider.name` must not be empty");
            }

            foreach (var rule in rules.Items())
            {
                foreach (var from in rule["from"].Items())
                {
                    var source = from["source"];
                    foreach (var (field, label) in new[] { ("namespaces", "From.Namespaces"), ("notNamespaces", "From.NotNamespaces"), ("serviceAccounts", "From.ServiceAccounts"), ("notServiceAccounts", "From.NotServiceAccounts"), ("trustDomains", "From.TrustDomains"), ("notTrustDomains", "From.NotTrustDomains"), ("principals", "From.Principals"), ("notPrincipals", "From.NotPrincipals"), ("requestPrincipals", "From.RequestPrincipals"), ("notRequestPrincipals", "From.NotRequestPrincipals") })
                    {
                        if (source[field].Count > 0)
                        {
                            Fail(source[field], $"{label} is currently not supported with CUSTOM action");
                        }
                    }
                }

                foreach (var when in rule["when"].Items())
                {
                    var key = when["key"].String() ?? "";
                    if (key is "source.namespace" or "source.serviceAccount" or "source.trustDomain" or "source.principal" || key.StartsWith("request.auth.", StringComparison.Ordinal))
                    {
                        Fail(when["key"], $"{key} is currently not supported with CUSTOM action");
                    }
                }
            }
        }

        if (spec.Has("provider") && action != "CUSTOM")
        {
            Fail(spec["provider"], $"`provider` must not be with non CUSTOM action, found {action}");
        }

        if (action == "DENY" && !rules.Exists)
        {
            Fail(rules, "DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request");
        }

        if (rules.Count > 512)
        {
            rules.Error($"Too many: {rules.Count}: must have at most 512 items");
        }

        var i = 0;
        foreach (var rule in rules.Items())
        {
            var index = i++;
            if (rule.Node is null)
            {
                Fail(rule, $"`rule` must not be nil, found at rule {index}");
                continue;
            }

            if (!rule.CheckObject())
            {
                continue;
            }

            if (rule["from"].Exists && rule["from"].Count == 0)
            {
                Fail(rule["from"], $"`from` must not be empty, found at rule {index}");
            }

            bool tcpInFrom = false, tcpInTo = false, fromExists = false, toExists = false;
            foreach (var from in rule["from"].Items())
            {
                var source = from["source"];
                if (!source.Exists)
                {
                    Fail(source, $"`from.source` must not be nil, found at rule {index}");
                    continue;
                }

                fromExists = true;
                if (SourceFields.All(f => source[f].Count == 0))
                {
                    Fail(source, $"`from.source` must not be empty, found at rule {index}");
                }

                if ((source["principals"].Count + source["notPrincipals"].Count + source["namespaces"].Count + source["notNamespaces"].Count > 0) && source["serviceAccounts"].Count + source["notServiceAccounts"].Count > 0)
                {
                    Fail(source, $"cannot set serviceAccounts with namespaces or principals, found at rule {index}");
                }

                foreach (var field in SourceFields)
                {
                    EmptyValues(source[field], Capitalize(field), Fail);
                }

                tcpInFrom |= TcpSourceFields.Any(f => source.Has(f));
            }

            if (rule["to"].Exists && rule["to"].Count == 0)
            {
                Fail(rule["to"], $"`to` must not be empty, found at rule {index}");
            }

            foreach (var to in rule["to"].Items())
            {
                var operation = to["operation"];
                if (!operation.Exists)
                {
                    Fail(operation, $"`to.operation` must not be nil, found at rule {index}");
                    continue;
                }

                toExists = true;
                if (OperationFields.All(f => operation[f].Count == 0))
                {
                    Fail(operation, $"`to.operation` must not be empty, found at rule {index}");
                }

                foreach (var field in OperationFields)
                {
                    EmptyValues(operation[field], Capitalize(field), Fail);
                }

                foreach (var port in operation["ports"].Items().Concat(operation["notPorts"].Items()))
                {
                    var text = port.String();
                    if (text is { Length: > 0 } && (!int.TryParse(text, out var p) || p is < 0 or > 65535))
                    {
                        Fail(port, $"invalid port: {text}");
                    }
                }

                tcpInTo |= operation.Has("ports") || operation.Has("notPorts");
            }

            foreach (var when in rule["when"].Items())
            {
                var key = when["key"].String() ?? "";
                if (key.Length == 0)
                {
                    Fail(when["key"], "`key` must not be empty");
                }
                else if (when["values"].Count == 0 && when["notValues"].Count == 0)
                {
                    Fail(when, $"at least one of `values` or `notValues` must be set for key {key}");
                }
            }

            if (((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo)) && action == "DENY")
            {
                rule.Warn("configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");
            }
        }
    }

    private static void EmptyValues(Field list, string name, Action<Field, string> fail)
    {
        foreach (var item in list.Items())
        {
            if (item.String() is { Length: 0 })
            {
                fail(item, $"empty value not allowed, found in {name}");
            }
        }
    }

    private static string Capitalize(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
