using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>Collects a check's findings in the learner's language; the lab passes when nothing failed.</summary>
public sealed class LabFindings(string lang)
{
    private readonly List<CheckFinding> _findings = [];

    public IReadOnlyList<CheckFinding> All => _findings;

    public bool Passed => _findings.Count > 0 && _findings.All(f => f.Ok);

    public void Ok(string english, string korean) => _findings.Add(new CheckFinding(lang == "ko" ? korean : english, null, Ok: true));

    public void Fail(string english, string korean, string hintEnglish, string hintKorean) =>
        _findings.Add(new CheckFinding(lang == "ko" ? korean : english, lang == "ko" ? hintKorean : hintEnglish, Ok: false));

    /// <summary>Records a pass or a failure; returns <paramref name="condition"/> so checks can stop early.</summary>
    public bool Expect(bool condition, (string En, string Ko) ok, (string En, string Ko) fail, (string En, string Ko) hint)
    {
        if (condition)
        {
            Ok(ok.En, ok.Ko);
        }
        else
        {
            Fail(fail.En, fail.Ko, hint.En, hint.Ko);
        }

        return condition;
    }
}
