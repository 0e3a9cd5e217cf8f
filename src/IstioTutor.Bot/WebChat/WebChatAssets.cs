using System.Reflection;

namespace IstioTutor.Bot.WebChat;

/// <summary>The page's HTML, CSS and script, embedded in the assembly and read once at start.</summary>
internal sealed class WebChatAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["icon.svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public WebChatAssets()
    {
        var assembly = typeof(WebChatAssets).Assembly;
        foreach (var name in ContentTypes.Keys)
        {
            using var stream = assembly.GetManifestResourceStream("webchat/" + name)
                ?? throw new InvalidOperationException($"The web chat asset webchat/{name} is not embedded in {assembly.GetName().Name}.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            _files[name] = memory.ToArray();
        }
    }

    public IResult Serve(string name) =>
        _files.TryGetValue(name, out var bytes)
            ? Results.Bytes(bytes, ContentTypes[name])
            : Results.NotFound();
}
