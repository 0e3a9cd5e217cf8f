using IstioTutor.Sandbox.Api;

namespace IstioTutor.Sandbox.Printing;

/// <summary>
/// Whether a client asked for server-side printing (<c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>,
/// as kubectl get does) and what each row should carry (<c>includeObject</c>: Metadata by default, Object, None).
/// </summary>
internal sealed record TableRequest(RowObject Include)
{
    public static TableRequest? From(string? accept, string? includeObject)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return null;
        }

        // The first acceptable media type wins; kubectl lists Table v1, Table v1beta1, then plain JSON.
        foreach (var candidate in accept.Split(','))
        {
            var parameters = candidate.Split(';').Select(p => p.Trim()).ToList();
            var media = parameters[0].ToLowerInvariant();
            if (media is not ("application/json" or "*/*" or "application/*"))
            {
                continue;
            }

            if (!parameters.Contains("as=Table", StringComparer.Ordinal))
            {
                return null;
            }

            if (parameters.Contains("g=meta.k8s.io", StringComparer.Ordinal) && (parameters.Contains("v=v1", StringComparer.Ordinal) || parameters.Contains("v=v1beta1", StringComparer.Ordinal)))
            {
                return new TableRequest(includeObject switch
                {
                    null or "" or "Metadata" => RowObject.Metadata,
                    "Object" => RowObject.Object,
                    "None" => RowObject.None,
                    _ => throw StatusError.BadRequest($"includeObject \"{includeObject}\" is not one of None, Metadata, Object"),
                });
            }
        }

        return null;
    }
}

/// <summary>What a Table row's <c>object</c> holds.</summary>
internal enum RowObject
{
    None,
    Metadata,
    Object,
}
