namespace IstioTutor.Core.Guard;

/// <summary>
/// Why the guard said no: a stable code for tests and the audit log, the explanation in English and
/// Korean (what was wrong, where, what to do next), and whether a rule forbade it or the input was at fault
/// (decided where the refusal is made, since only that code knows).
/// </summary>
public sealed record GuardRefusal(string Code, string English, string Korean, RefusalKind Kind)
{
    public string In(string lang) => lang == "ko" ? Korean : English;

    /// <summary>The reply prefix: "Refused" only when a rule forbade it; otherwise "Not done".</summary>
    public string Heading(string lang) => (Kind, lang == "ko") switch
    {
        (RefusalKind.Policy, true) => "거부됨: ",
        (RefusalKind.Policy, false) => "Refused: ",
        (_, true) => "실행하지 않음: ",
        _ => "Not done: ",
    };
}
