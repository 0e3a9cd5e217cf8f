namespace IstioTutor.Core.Turns;

/// <summary>Parses and prints stage names as users and files write them ("beginner", "초급").</summary>
public static class StageNames
{
    public static string ToName(this Stage stage) => stage switch
    {
        Stage.Beginner => "beginner",
        Stage.Intermediate => "intermediate",
        Stage.Advanced => "advanced",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string ToKorean(this Stage stage) => stage switch
    {
        Stage.Beginner => "초급",
        Stage.Intermediate => "중급",
        Stage.Advanced => "고급",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static bool TryParse(string? text, out Stage stage)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "beginner" or "basic" or "초급" or "초보":
                stage = Stage.Beginner;
                return true;
            case "intermediate" or "중급":
                stage = Stage.Intermediate;
                return true;
            case "advanced" or "고급":
                stage = Stage.Advanced;
                return true;
            default:
                stage = Stage.Beginner;
                return false;
        }
    }
}
