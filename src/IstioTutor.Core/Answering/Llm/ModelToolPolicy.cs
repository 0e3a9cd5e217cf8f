namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Which tool functions a model may call on the learner's behalf: those that read, analyze, simulate or
/// preview. Anything else — confirming, cancelling, or a function this list does not know — is refused
/// before it runs. An allow-list, so a function added to the plugin later stays out of the model's reach
/// until someone decides it is safe. The guard below still checks every call it lets through.
/// </summary>
public static class ModelToolPolicy
{
    private static readonly string[] AllowedVerbs =
    [
        "get", "list", "read", "show", "describe", "analyze", "analyse", "simulate", "preview", "topology", "explain", "diff",
    ];

    public static bool IsAllowed(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        var name = functionName.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return AllowedVerbs.Any(v => name.StartsWith(v, StringComparison.Ordinal));
    }
}
