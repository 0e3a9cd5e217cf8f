namespace IstioTutor.Bot.Dashboard;

/// <summary>The dashboard's stylesheet, embedded in the assembly and read once at start.</summary>
internal sealed class DashboardStylesheet
{
    private readonly byte[] _css;

    public DashboardStylesheet()
    {
        var assembly = typeof(DashboardStylesheet).Assembly;
        using var stream = assembly.GetManifestResourceStream("dashboard/dashboard.css")
            ?? throw new InvalidOperationException($"The dashboard stylesheet dashboard/dashboard.css is not embedded in {assembly.GetName().Name}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        _css = memory.ToArray();
    }

    public IResult Serve() => Results.Bytes(_css, "text/css; charset=utf-8");
}
