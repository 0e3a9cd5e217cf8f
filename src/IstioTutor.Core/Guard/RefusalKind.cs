namespace IstioTutor.Core.Guard;

/// <summary>
/// Whether the guard said no because a rule forbids the request, or because the request itself could not be
/// carried out. Both are audited as refused; only the reply's wording differs, so a typo never reads like a
/// security refusal and a security refusal never reads like a typo.
/// </summary>
public enum RefusalKind
{
    /// <summary>A rule forbids it: another namespace, a forbidden kind, an input limit, a confirmation rule.</summary>
    Policy,

    /// <summary>The request is wrong or moot: empty, malformed, unknown, nothing to do.</summary>
    Input,
}
