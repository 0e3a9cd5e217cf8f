using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>Istio's helloworld sample (Flask): /hello names the version and the pod that answered.</summary>
internal static class HelloWorld
{
    public static AppReply Answer(AppRequest request, AppHost host)
    {
        var path = AppRoute.Parse(request.Path).Path;
        var reply = path switch
        {
            "/hello" => AppReplies.Text(200, $"Hello version: {request.Pod.Version ?? "v1"}, instance: {request.Pod.Name}\n", 110, "text/html; charset=utf-8"),
            "/health" => AppReplies.Text(200, "Helloworld is healthy", 1, "text/html; charset=utf-8"),
            _ => AppReplies.FlaskNotFound(1),
        };
        host.Log(request.Pod, $"127.0.0.6 - - [{AppHost.Clf(host.Now)}] \"{request.Method} {request.Path} HTTP/1.1\" {reply.Status} -");
        return reply;
    }
}
