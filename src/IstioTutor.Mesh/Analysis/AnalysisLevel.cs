namespace IstioTutor.Mesh.Analysis;

public enum AnalysisLevel
{
    Info,
    Warning,
    Error,
}
