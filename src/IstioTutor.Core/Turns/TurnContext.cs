using IstioTutor.Core.Progress;

namespace IstioTutor.Core.Turns;

/// <summary>What a command or engine knows about the turn it serves.</summary>
public sealed class TurnContext(TurnRequest request, Learner learner, string lang)
{
    public TurnRequest Request { get; } = request;

    /// <summary>The learner as of the start of the turn; commands that change them save through the store and set this.</summary>
    public Learner Learner { get; set; } = learner;

    /// <summary>"en" or "ko": the language to reply in.</summary>
    public string Lang { get; } = lang;

    public bool IsKorean => Lang == "ko";

    /// <summary>Picks the text for the reply language.</summary>
    public string T(string english, string korean) => IsKorean ? korean : english;

    /// <summary>A plain text reply at the learner's current stage.</summary>
    public TurnResult Reply(string text) => new() { Text = text, Stage = Learner.Stage, Lang = Lang };
}
