using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Exec;

/// <summary>The exec subresource on the wire, frame by frame, for what kubectl cannot be scripted to do (a terminal, the v4 protocol, refusals).</summary>
[Collection(SandboxCollection.Name)]
public sealed class ExecWebSocketTests(SandboxFixture fixture)
{
    [Fact]
    public async Task A_terminal_session_echoes_typing_runs_each_line_and_ends_on_exit()
    {
        var (ns, pod) = await RatingsPodAsync("wtty");
        using var socket = await ConnectAsync(ns, pod, "command=sh&container=ratings&stdin=true&stdout=true&tty=true", "v5.channel.k8s.io");

        var prompt = await ReadUntilAsync(socket, "/ $ ");
        await SendAsync(socket, 4, """{"Width":80,"Height":24}""");
        await SendAsync(socket, 0, "echo hi\r");
        var answered = await ReadUntilAsync(socket, "hi\r\n/ $ ");
        await SendAsync(socket, 0, "exit 3\r");
        var status = await ReadUntilChannelAsync(socket, 3);

        Assert.Equal("/ $ ", prompt);
        Assert.Equal("echo hi\r\nhi\r\n/ $ ", answered);
        Assert.Equal("3", (string?)JsonNode.Parse(status)!["details"]!["causes"]![0]!["message"]);
    }

    [Fact]
    public async Task The_v4_protocol_is_answered_with_the_same_channels()
    {
        var (ns, pod) = await RatingsPodAsync("wv4");
        using var socket = await ConnectAsync(ns, pod, "command=hostname&container=ratings&stdout=true&stderr=true", "v4.channel.k8s.io");

        var stdout = await ReadUntilAsync(socket, "\n");
        var status = await ReadUntilChannelAsync(socket, 3);

        Assert.Equal("v4.channel.k8s.io", socket.SubProtocol);
        Assert.Equal(pod + "\n", stdout);
        Assert.Equal("Success", (string?)JsonNode.Parse(status)!["status"]);
    }

    [Fact]
    public async Task Exec_without_a_WebSocket_upgrade_is_refused_with_a_Status()
    {
        var (ns, pod) = await RatingsPodAsync("wplain");

        using var response = await fixture.Http.GetAsync($"api/v1/namespaces/{ns}/pods/{pod}/exec?command=hostname&container=ratings&stdout=true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Upgrade request required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_in_a_container_the_pod_lacks_is_refused()
    {
        var (ns, pod) = await RatingsPodAsync("wcont");

        using var response = await fixture.Http.GetAsync($"api/v1/namespaces/{ns}/pods/{pod}/exec?command=hostname&container=nginx&stdout=true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"container nginx is not valid for pod {pod}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_without_the_sandbox_token_is_refused_before_the_upgrade()
    {
        var (ns, pod) = await RatingsPodAsync("wtoken");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("v5.channel.k8s.io");
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(X509Certificate2.CreateFromPem(fixture.Endpoint.CertificatePem).RawData);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(Uri(ns, pod, "command=hostname&container=ratings&stdout=true"), CancellationToken.None));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    private async Task<(string Namespace, string Pod)> RatingsPodAsync(string prefix)
    {
        var ns = fixture.NewNamespace(prefix);
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);
        var list = JsonNode.Parse(await fixture.Http.GetStringAsync($"api/v1/namespaces/{ns}/pods?labelSelector=app%3Dratings"))!;
        return (ns, (string)list["items"]![0]!["metadata"]!["name"]!);
    }

    private Uri Uri(string ns, string pod, string query) =>
        new UriBuilder(new Uri(fixture.Address, $"api/v1/namespaces/{ns}/pods/{pod}/exec")) { Scheme = "wss", Query = query }.Uri;

    private async Task<ClientWebSocket> ConnectAsync(string ns, string pod, string query, string protocol)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(protocol);
        socket.Options.SetRequestHeader("Authorization", "Bearer " + fixture.Token);
        var pinned = X509Certificate2.CreateFromPem(fixture.Endpoint.CertificatePem);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData);
        await socket.ConnectAsync(Uri(ns, pod, query), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, byte channel, string text) =>
        socket.SendAsync((byte[])[channel, .. Encoding.UTF8.GetBytes(text)], WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Stdout text until it ends with <paramref name="end"/>.</summary>
    private static async Task<string> ReadUntilAsync(ClientWebSocket socket, string end)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal))
        {
            var (channel, data) = await ReceiveAsync(socket);
            Assert.Equal(1, channel);
            text.Append(data);
        }

        return text.ToString();
    }

    private static async Task<string> ReadUntilChannelAsync(ClientWebSocket socket, byte wanted)
    {
        while (true)
        {
            var (channel, data) = await ReceiveAsync(socket);
            if (channel == wanted)
            {
                return data;
            }
        }
    }

    private static async Task<(byte Channel, string Data)> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        var bytes = frame.ToArray();
        return (bytes[0], Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1));
    }
}
