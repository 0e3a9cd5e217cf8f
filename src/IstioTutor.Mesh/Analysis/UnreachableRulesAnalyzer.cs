using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>IST0130/IST0131: HTTP rules or matches that earlier rules make unreachable.</summary>
internal sealed class UnreachableRulesAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var vs in model.LocalOfKind("VirtualService"))
        {
            foreach (var finding in UnreachableRuleFinder.Find(vs.Spec["http"] as JsonArray))
            {
                yield return finding.WholeRule
                    ? Messages.VirtualServiceUnreachableRule(vs.Reference, finding.Rule, finding.Reason)
                    : Messages.VirtualServiceIneffectiveMatch(vs.Reference, finding.Rule, finding.Match!, finding.DuplicateOf!);
            }
        }
    }
}
