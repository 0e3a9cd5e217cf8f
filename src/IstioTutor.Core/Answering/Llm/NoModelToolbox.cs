using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>Used when no cluster tools are registered: the model answers from the curriculum only.</summary>
public sealed class NoModelToolbox(IOptions<LlmOptions> options) : IModelToolbox
{
    public Task<ModelToolSession> OpenAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var masker = options.Value.MaskResourceNames
            ? NameMasker.For([request.Learner.Id, request.Learner.Namespace, request.Learner.DisplayName])
            : NameMasker.Disabled();
        return Task.FromResult(ModelToolSession.Without(masker));
    }
}
