namespace IstioTutor.Core.Turns;

/// <summary>
/// A chat command ("/lesson ID"). Features register their commands in DI; the pipeline dispatches by
/// name, so no door and no other feature needs to know them.
/// </summary>
public interface ITurnCommand
{
    /// <summary>The name without the slash, lower-case ("lesson").</summary>
    string Name { get; }

    /// <summary>How to call it, for /help ("/lesson ID").</summary>
    string Usage { get; }

    /// <summary>One line for /help in English and Korean.</summary>
    string Summary(string lang);

    Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken);
}
