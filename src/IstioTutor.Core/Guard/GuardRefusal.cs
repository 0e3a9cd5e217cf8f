namespace IstioTutor.Core.Guard;

/// <summary>
/// Why the guard said no: a stable code for tests and the audit log, and the explanation in English and
/// Korean (what was wrong, where, what to do next).
/// </summary>
public sealed record GuardRefusal(string Code, string English, string Korean)
{
    public string In(string lang) => lang == "ko" ? Korean : English;
}
