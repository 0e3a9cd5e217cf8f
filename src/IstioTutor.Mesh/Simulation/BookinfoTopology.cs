namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// What calls what in the Bookinfo sample the sandbox seeds: productpage calls details and reviews;
/// reviews v2 and v3 call ratings, v1 does not. Labs use it to explain which hop a rule affects.
/// </summary>
public static class BookinfoTopology
{
    public sealed record Call(string FromApp, string? FromVersion, string ToHost);

    public static IReadOnlyList<Call> Calls { get; } =
    [
        new("productpage", null, "details"),
        new("productpage", null, "reviews"),
        new("reviews", "v2", "ratings"),
        new("reviews", "v3", "ratings"),
    ];

    /// <summary>Typical service time in milliseconds of each app's own work (reviews v2/v3 include their ratings call).</summary>
    public static double BaseLatencyMs(string app, string? version) => (app, version) switch
    {
        ("productpage", _) => 12,
        ("details", _) => 4,
        ("reviews", "v1") => 6,
        ("reviews", _) => 15,
        ("ratings", _) => 3,
        _ => 5,
    };

    public static IEnumerable<string> CalleesOf(string app, string? version) =>
        Calls.Where(c => c.FromApp == app && (c.FromVersion is null || c.FromVersion == version)).Select(c => c.ToHost);
}
