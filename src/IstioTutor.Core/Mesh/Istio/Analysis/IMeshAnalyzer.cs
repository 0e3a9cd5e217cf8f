namespace IstioTutor.Core.Mesh.Istio.Analysis;

/// <summary>One of istioctl analyze's analyzers: reads the model, reports messages, changes nothing.</summary>
public interface IMeshAnalyzer
{
    IEnumerable<AnalysisMessage> Analyze(MeshModel model);
}
