using System.Globalization;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>fortio's echo server: answers with the request body; <c>?status=N</c> and <c>?delay=Nms</c> as fortio reads them.</summary>
internal static class Fortio
{
    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var route = AppRoute.Parse(request.Path);
        var status = route.Query.FirstOrDefault(q => q.Key == "status").Value is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599 ? code : 200;
        var delayMs = route.Query.FirstOrDefault(q => q.Key == "delay").Value is { } d && double.TryParse(d.TrimEnd('s', 'm'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? (d.EndsWith("ms", StringComparison.Ordinal) ? n : d.EndsWith('s') ? n * 1000 : n)
            : 0;
        host.Log(request.Pod, $"{{\"level\":\"info\",\"msg\":\"echo\",\"method\":\"{request.Method}\",\"url\":\"{request.Path}\",\"status\":{status}}}");
        return AppReplies.Text(status, request.Body ?? "", 1 + Math.Min(delayMs, 1500), "application/octet-stream");
    }
}
