using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>One of istioctl analyze's analyzers: reads the model, reports messages, changes nothing.</summary>
public interface IMeshAnalyzer
{
    IEnumerable<AnalysisMessage> Analyze(MeshModel model);
}
