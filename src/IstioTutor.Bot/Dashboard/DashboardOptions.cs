namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// The <c>Dashboard</c> section. <see cref="MentorToken"/> comes from the environment
/// (<c>ISTIOTUTOR_Dashboard__MentorToken</c>) or user secrets, never from a committed file. Without a
/// token the dashboard is closed to everyone.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public const int MinTokenLength = 16;

    public string? MentorToken { get; set; }

    /// <summary>How long a sign-in lasts.</summary>
    public int SessionHours { get; set; } = 12;
}
