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

    /// <summary>Sign-in attempts one client address may make per minute; more are answered 429 without checking the token.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
