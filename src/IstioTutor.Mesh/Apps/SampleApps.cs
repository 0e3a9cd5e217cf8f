using System.Globalization;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// The apps of Istio's samples as they answer on a real cluster, recognised by the pod's <c>app</c> label:
/// Bookinfo (productpage, details, reviews v1–v3, ratings), httpbin, helloworld and fortio. curl and sleep
/// pods run no server (a request to them is refused by the app, so their proxy answers 503); any other app is
/// unknown to the sandbox (null: the simulator treats it as an inert workload that answers 200).
/// </summary>
public sealed class SampleApps(TimeProvider time, IAppActivity? activity = null) : IWorkloadApps
{
    private readonly AppHost _host = new(time, activity);

    public AppReply? Answer(AppRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Pod.App switch
        {
            "productpage" => ProductPage.Answer(request, _host),
            "reviews" => Reviews.Answer(request, _host),
            "details" => Details.Answer(request, _host),
            "ratings" => Ratings.Answer(request, _host),
            "httpbin" => Httpbin.Answer(request, _host),
            "helloworld" => HelloWorld.Answer(request, _host),
            "fortio" => Fortio.Answer(request, _host),
            "curl" or "sleep" => new AppReply(503, [KeyValuePair.Create("content-type", "text/plain")],
                "upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: delayed connect error: Connection refused", 1),
            _ => null,
        };
    }

    /// <summary>Whether the sandbox knows what the pod's app prints and answers.</summary>
    public static bool Knows(WorkloadInfo pod) => pod.App is "productpage" or "reviews" or "details" or "ratings" or "httpbin" or "helloworld" or "fortio" or "curl" or "sleep";

    /// <summary>What the app container printed while it started, as its first log lines.</summary>
    public static IReadOnlyList<string> StartupLines(WorkloadInfo pod, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var iso = started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return pod.App switch
        {
            "productpage" => ["INFO:root:start at port 9080", " * Serving Flask app 'productpage'", " * Debug mode: off", "INFO:werkzeug:WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.", " * Running on all addresses (::)", " * Running on http://[::1]:9080", "INFO:werkzeug:Press CTRL+C to quit"],
            "reviews" => ["Launching defaultServer (Open Liberty) on Eclipse OpenJ9 VM", "[AUDIT   ] CWWKE0001I: The server defaultServer has been launched.", "[AUDIT   ] CWWKT0016I: Web application available (default_host): http://" + pod.Name + ":9080/", "[AUDIT   ] CWWKF0011I: The defaultServer server is ready to run a smarter planet. The defaultServer server started in 4.218 seconds."],
            "details" => [$"[{started:yyyy-MM-dd HH:mm:ss}] INFO  WEBrick 1.8.1", $"[{started:yyyy-MM-dd HH:mm:ss}] INFO  ruby 3.3.5 (2024-09-03) [x86_64-linux]", $"[{started:yyyy-MM-dd HH:mm:ss}] INFO  WEBrick::HTTPServer#start: pid=1 port=9080"],
            "ratings" => ["Server listening on: http://0.0.0.0:9080"],
            "httpbin" => [$"time=\"{iso}\" msg=\"go-httpbin listening on http://0.0.0.0:8080\""],
            "helloworld" => ["[INFO] Starting gunicorn 23.0.0", "[INFO] Listening at: http://[::]:5000 (1)", "[INFO] Using worker: sync"],
            "fortio" => [$"{{\"ts\":\"{iso}\",\"level\":\"info\",\"msg\":\"Fortio 1.69.0 echo server listening on tcp [::]:8080\"}}"],
            _ => [],
        };
    }
}
