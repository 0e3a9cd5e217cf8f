using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Mesh.Analysis;

/// <summary>IST0106/IST0133: the webhook's errors and warnings, for objects that got in without it (a real cluster, older Istio).</summary>
internal sealed class SchemaAnalyzer(IstioValidator validator) : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        // istioctl validates only Istio's kinds; a Gateway API object that breaks its CRD rules never gets stored.
        foreach (var config in model.Config.Where(c => c.Namespace == model.Namespace && !ResourceKinds.IsGatewayApi(c.Group)))
        {
            var kind = ResourceKinds.Config.FirstOrDefault(config.Is);
            if (kind is null)
            {
                continue;
            }

            var outcome = validator.Validate(kind, config.Raw);
            foreach (var error in outcome.Errors)
            {
                yield return Messages.SchemaValidationError(config.Reference, $"{error.Field}: {error.Message}");
            }

            // Unreachable-rule warnings have their own codes (IST0130/IST0131) from UnreachableRulesAnalyzer.
            foreach (var warning in outcome.Warnings.Where(w => !w.Contains("virtualService rule", StringComparison.Ordinal)))
            {
                yield return Messages.SchemaWarning(config.Reference, warning);
            }
        }
    }
}
