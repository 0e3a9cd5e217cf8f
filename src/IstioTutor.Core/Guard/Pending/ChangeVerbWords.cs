namespace IstioTutor.Core.Guard.Pending;

/// <summary>How summaries, results and the audit log name a change: kubectl's words, not the enum's.</summary>
internal static class ChangeVerbWords
{
    public static string Present(this ChangeVerb verb) => verb switch
    {
        ChangeVerb.Create => "create",
        ChangeVerb.Replace => "update",
        _ => "delete",
    };

    public static string Past(this ChangeVerb verb) => verb switch
    {
        ChangeVerb.Create => "created",
        ChangeVerb.Replace => "updated",
        _ => "deleted",
    };
}
