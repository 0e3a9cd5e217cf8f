using System.CommandLine;
using System.Net.Sockets;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Watching;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor sandbox serve [--port P] [--data DIR]</c>: serves the simulated cluster of a data
/// directory on 127.0.0.1 for kubectl and other clients, and writes <c>DIR/sandbox.kubeconfig</c>.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 to listen on; 0 (the default) picks a free one.",
            DefaultValueFactory = _ => 0,
        };
        var serve = new Command("serve", "Serve the simulated Kubernetes cluster (with Istio) on 127.0.0.1 for kubectl.") { port, data };
        serve.SetAction((parse, cancellationToken) => ServeAsync(parse.GetValue(port), parse.GetValue(data), cancellationToken));
        return new Command("sandbox", "The simulated sandbox cluster learners practise on.") { serve };
    }

    private static async Task<int> ServeAsync(int port, string? dataOption, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"--port {port} is not a TCP port: use 1-65535, or 0 for a free one. Nothing was started.");
            return 2;
        }

        if (await CliHost.TryStartAsync(dataOption) is not { } host)
        {
            return 2;
        }

        await using (host)
        {
            var data = host.Get<DataDirectory>();
            var storePath = data.File(EmbeddedSandbox.StoreFileName);
            var kubeconfig = data.File(SandboxKubeconfig.FileName);
            if (await SandboxProbe.FindRunningAsync(kubeconfig, storePath, cancellationToken) is { } running)
            {
                await Console.Error.WriteLineAsync($"The sandbox of {data.Path} is already served at {running} by another istiotutor process; use it (kubectl --kubeconfig {kubeconfig} ...) or stop that process first.");
                return 1;
            }

            SandboxServer server;
            try
            {
                server = await SandboxServer.StartAsync(
                    storePath, port, host.Services.GetService<IResourceValidator>(), host.Get<ILoggerFactory>(), cancellationToken,
                    SandboxWatchOptions.From(host.Services.GetService<IConfiguration>()));
            }
            catch (Exception e) when (e is AddressInUseException or IOException { InnerException: AddressInUseException } or SocketException)
            {
                await Console.Error.WriteLineAsync($"Port {port} on 127.0.0.1 is already in use ({e.Message}). Choose another with --port, or --port 0 for a free one.");
                return 2;
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            await using (server)
            {
                SandboxKubeconfig.Write(kubeconfig, server.Endpoint);
                var learnerNs = LearnerIds.NamespaceOf(LearnerIds.FromChannelUser(Door.Terminal, CommonOptions.DefaultLearner()));
                Console.WriteLine($"""
                    Sandbox cluster (simulated Kubernetes {SandboxServer.KubernetesVersion} with Istio) serving at {server.Address}
                    data:       {server.StorePath}
                    kubeconfig: {kubeconfig}   (owner-only: it holds this run's bearer token)

                    Use it with kubectl:
                      export KUBECONFIG={kubeconfig}
                      kubectl get pods -n istio-system
                      kubectl create namespace {learnerNs}     # seeds the Bookinfo sample app
                      kubectl get pods,svc -n {learnerNs}
                      kubectl apply -n {learnerNs} -f my-virtualservice.yaml
                    Point IstioTutor itself at it with Mesh:Mode=kubeconfig and Mesh:Kubeconfig={kubeconfig}, or just give other
                    istiotutor commands the same --data directory: they find this server and share it.

                    Press Ctrl+C to stop; every object is kept in the data directory.
                    """);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Sandbox stopped.");
                }
            }
        }

        return 0;
    }
}
