namespace IstioTutor.Mesh.Routing;

/// <summary>How a <see cref="StringMatch"/> compares: Istio's (and the Gateway API's) exact, prefix and regex.</summary>
public enum StringMatchKind
{
    /// <summary>No comparison given: every value matches.</summary>
    Any,
    Exact,
    Prefix,
    Regex,

    /// <summary>The Gateway API's PathPrefix: whole path elements ("/v1" matches "/v1" and "/v1/x", not "/v12").</summary>
    PathPrefix,
}
