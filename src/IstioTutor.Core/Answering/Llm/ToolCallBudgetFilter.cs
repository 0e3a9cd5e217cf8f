using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Stops automatic function calling once the turn has used its tool calls, so a looping model cannot
/// hammer the sandbox; the model then has to answer with what it has.
/// </summary>
public sealed class ToolCallBudgetFilter(int maxCalls) : IAutoFunctionInvocationFilter
{
    private int _calls;

    public int Calls => _calls;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Interlocked.Increment(ref _calls) > maxCalls)
        {
            context.Result = new FunctionResult(context.Function, $"Tool call limit of {maxCalls} for this turn reached; answer with what you have.");
            context.Terminate = true;
            return;
        }

        await next(context);
    }
}
