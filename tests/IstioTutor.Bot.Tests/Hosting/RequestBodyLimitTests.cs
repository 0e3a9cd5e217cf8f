using System.Net.Sockets;
using System.Text;
using IstioTutor.Bot.Tests.Dashboard;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>
/// Bodies are capped while they are read: a client announcing or streaming more than the cap gets 413 at
/// once, before it has sent the rest, instead of the host buffering it all first. Raw sockets, so the test
/// controls exactly how much of the body exists when the answer must come.
/// </summary>
[Collection("bot-host")]
public sealed class RequestBodyLimitTests(BotHostFixture host)
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/api/chat")]
    [InlineData("/api/messages")]
    public async Task Announced_body_over_the_cap_is_refused_with_413_before_it_is_sent(string path)
    {
        var status = await SendPartialAsync(host.Http.BaseAddress!, path, "application/json", "Content-Length: 20000000", Encoding.ASCII.GetBytes("{\"text\": \"" + new string('a', 1024)));

        Assert.Equal("413", status);
    }

    [Theory]
    [InlineData("/api/chat")]
    [InlineData("/api/messages")]
    public async Task Streamed_body_is_refused_with_413_once_it_passes_the_cap(string path)
    {
        // 1 MiB in chunks, never terminated: a host that reads whole bodies would still be waiting. The JSON is
        // valid as far as it goes (one long open string), so only the cap can stop the reader, not a syntax error.
        var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("9\r\n{\"text\":\"\r\n"));
        for (var i = 0; i < 16; i++)
        {
            body.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            body.Write(chunk);
            body.Write("\r\n"u8);
        }

        var status = await SendPartialAsync(host.Http.BaseAddress!, path, "application/json", "Transfer-Encoding: chunked", body.ToArray());

        Assert.Equal("413", status);
    }

    /// <summary>Sends the head and part of a body, then waits for the status line without sending more.</summary>
    internal static async Task<string> SendPartialAsync(Uri baseAddress, string path, string contentType, string lengthHeader, byte[] partialBody)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: {contentType}\r\n{lengthHeader}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await stream.WriteAsync(partialBody);
        }
        catch (IOException)
        {
            // The host may close the connection once it has answered; the answer is still there to read.
        }

        using var timeout = new CancellationTokenSource(AnswerWithin);
        var buffer = new byte[256];
        var read = 0;
        try
        {
            while (read < 12)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }
        }
        catch (OperationCanceledException)
        {
            return $"no answer within {AnswerWithin.TotalSeconds} s";
        }

        var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
        return statusLine.Length >= 12 ? statusLine[9..12] : statusLine;
    }
}

/// <summary>The dashboard's sign-in form has the same cap.</summary>
public sealed class DashboardBodyLimitTests(DashboardHostFixture host) : IClassFixture<DashboardHostFixture>
{
    [Fact]
    public async Task Sign_in_form_over_the_cap_is_refused_with_413_before_it_is_sent()
    {
        var status = await RequestBodyLimitTests.SendPartialAsync(host.BaseAddress, "/mentor/signin", "application/x-www-form-urlencoded", "Content-Length: 20000000", Encoding.ASCII.GetBytes("token=" + new string('a', 1024)));

        Assert.Equal("413", status);
    }
}
