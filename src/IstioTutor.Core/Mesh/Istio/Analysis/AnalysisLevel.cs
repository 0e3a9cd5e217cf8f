namespace IstioTutor.Core.Mesh.Istio.Analysis;

public enum AnalysisLevel
{
    Info,
    Warning,
    Error,
}
