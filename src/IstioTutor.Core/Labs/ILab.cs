using IstioTutor.Core.Labs.Grading;

namespace IstioTutor.Core.Labs;

/// <summary>One lab: its definition and a checker over the learner's sandbox (resources, analysis, simulated traffic).</summary>
public interface ILab
{
    LabDefinition Definition { get; }

    /// <summary>Adds what is right and what is missing or wrong to <paramref name="findings"/>; changes nothing.</summary>
    void Check(LabContext context, LabFindings findings);
}
