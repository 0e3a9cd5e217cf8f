using System.Text.Json;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Sits between the model and the guarded plugin for one turn. It refuses (and audits, marked as
/// model-initiated) any function outside <see cref="ModelToolPolicy"/>, restores masked names in the
/// arguments, turns a guard refusal into a tool result the model can explain, and masks names in what
/// goes back to the model.
/// Cross-cutting, so no plugin function carries a copy of these rules.
/// </summary>
public sealed class ModelToolFilter(Actor actor, IAuditLog audit, NameMasker masker, TimeProvider clock, ILogger logger) : IFunctionInvocationFilter
{
    private int _calls;

    public int Calls => _calls;

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Interlocked.Increment(ref _calls);
        var function = context.Function.Name;
        if (!ModelToolPolicy.IsAllowed(function))
        {
            var reason = $"A model may only read, analyze, simulate and preview; '{function}' is for the learner alone (a preview is applied when the learner confirms it).";
            audit.Record(new AuditEntry(clock.GetUtcNow(), actor.LearnerId, actor.Door, actor.ConversationId, function, null, null, actor.Namespace,
                AuditDecision.Refused, reason, ModelInitiated: true));
            logger.LogWarning("Refused model call {Function} for learner {Learner}.", function, actor.LearnerId);
            context.Result = new FunctionResult(context.Function, "Refused: " + reason);
            return;
        }

        foreach (var key in context.Arguments.Names.ToArray())
        {
            if (context.Arguments[key] is string argument)
            {
                context.Arguments[key] = masker.Unmask(argument);
            }
        }

        try
        {
            await next(context);
        }
        catch (GuardException e)
        {
            // The guard has audited the refusal; the model gets the reason so it can tell the learner, and
            // whether a rule forbade it or the input was at fault (so it can offer a corrected manifest).
            var heading = e.Refusal.Kind == RefusalKind.Policy ? "Refused by the guard: " : "Not done (a problem in the input): ";
            context.Result = new FunctionResult(context.Function, heading + e.Refusal.In(actor.Lang));
            return;
        }

        var value = context.Result.GetValue<object>();
        var text = value switch
        {
            null => "",
            string s => s,
            _ => JsonSerializer.Serialize(value, value.GetType()),
        };
        context.Result = new FunctionResult(context.Function, masker.Mask(text));
    }
}
