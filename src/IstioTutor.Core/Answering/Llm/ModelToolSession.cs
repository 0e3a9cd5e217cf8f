using IstioTutor.Core.Turns;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The tools of one turn: the plugin and filters to attach to the turn's kernel, the masker, and what
/// the tools produced for the learner to see (a preview card waiting for Confirm).
/// </summary>
public sealed class ModelToolSession
{
    private readonly KernelPlugin? _plugin;
    private readonly IReadOnlyList<IFunctionInvocationFilter> _filters;
    private readonly IReadOnlyList<IAutoFunctionInvocationFilter> _autoFilters;
    private readonly Func<int> _callsMade;
    private readonly Func<IReadOnlyList<TutorCard>> _cards;
    private readonly Func<PendingActionView?> _pending;

    public ModelToolSession(
        NameMasker masker,
        KernelPlugin? plugin,
        IReadOnlyList<IFunctionInvocationFilter> filters,
        IReadOnlyList<IAutoFunctionInvocationFilter> autoFilters,
        Func<int> callsMade,
        Func<IReadOnlyList<TutorCard>> cards,
        Func<PendingActionView?> pending)
    {
        Masker = masker;
        _plugin = plugin;
        _filters = filters;
        _autoFilters = autoFilters;
        _callsMade = callsMade;
        _cards = cards;
        _pending = pending;
        SchemaTokens = plugin is null ? 0 : plugin.Sum(f => TokenEstimator.Estimate(f.Name + f.Description + string.Concat(f.Metadata.Parameters.Select(p => p.Name + p.Description))) + 20);
    }

    /// <summary>A session without tools (tools disabled, or nothing to act on), masking as configured.</summary>
    public static ModelToolSession Without(NameMasker masker) => new(masker, null, [], [], () => 0, () => [], () => null);

    public static ModelToolSession None => Without(NameMasker.Disabled());

    public NameMasker Masker { get; }

    public bool HasTools => _plugin is not null;

    /// <summary>Approximate tokens the function schemas add to every request.</summary>
    public int SchemaTokens { get; }

    public int CallsMade => _callsMade();

    public PendingActionView? PendingAction => _pending();

    public IReadOnlyList<TutorCard> Cards() => _cards();

    public void Attach(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (_plugin is not null)
        {
            kernel.Plugins.Add(_plugin);
        }

        foreach (var f in _filters)
        {
            kernel.FunctionInvocationFilters.Add(f);
        }

        foreach (var f in _autoFilters)
        {
            kernel.AutoFunctionInvocationFilters.Add(f);
        }
    }
}
