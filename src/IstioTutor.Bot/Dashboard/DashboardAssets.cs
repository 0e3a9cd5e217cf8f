using System.Reflection;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// The dashboard's stylesheet, embedded in the assembly and read once at start. Served as a file rather than
/// inline so the pages work under a Content-Security-Policy that allows only 'self'.
/// </summary>
internal sealed class DashboardAssets
{
    public const string StylesheetPath = DashboardEndpoints.Root + "/assets/dashboard.css";

    private readonly byte[] _stylesheet;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("dashboard/dashboard.css")
            ?? throw new InvalidOperationException($"The dashboard asset dashboard/dashboard.css is not embedded in {assembly.GetName().Name}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        _stylesheet = memory.ToArray();
    }

    public IResult Stylesheet() => Results.Bytes(_stylesheet, "text/css; charset=utf-8");
}
