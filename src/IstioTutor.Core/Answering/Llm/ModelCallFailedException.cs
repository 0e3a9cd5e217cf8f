using System.ClientModel;
using System.Net.Sockets;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// One failed attempt at a model or embedding call, judged where it failed: what kind of failure, its
/// description for the log (<see cref="Exception.Message"/>), and whether it may pass so that
/// <see cref="ModelCallPipeline"/> tries again.
/// </summary>
public sealed class ModelCallFailedException : Exception
{
    public ModelCallFailedException(ModelFailureKind kind, string failure, bool transient, Exception? innerException = null)
        : base(failure, innerException)
    {
        Kind = kind;
        Transient = transient;
    }

    public ModelCallFailedException()
        : this(ModelFailureKind.Refused, "the model call failed", transient: false)
    {
    }

    public ModelCallFailedException(string message)
        : this(ModelFailureKind.Refused, message, transient: false)
    {
    }

    public ModelCallFailedException(string message, Exception innerException)
        : this(ModelFailureKind.Refused, message, transient: false, innerException)
    {
    }

    public ModelFailureKind Kind { get; }

    public bool Transient { get; }

    /// <summary>A tool ran during the failed attempt; it is not retried, so no preview is made twice behind the learner's back.</summary>
    public bool ToolsRan { get; init; }

    /// <summary>
    /// The failure an exception from the model's or embedding service's client stands for: HTTP 408, 429 and
    /// 5xx and connection errors may pass; any other status, or anything else, will not.
    /// </summary>
    public static ModelCallFailedException From(Exception ex, string service)
    {
        ArgumentNullException.ThrowIfNull(ex);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpOperationException { StatusCode: { } status }:
                    return new(ModelFailureKind.Refused, $"HTTP {(int)status} {status}", IsTransient((int)status), ex);
                case ClientResultException { Status: > 0 } c:
                    return new(ModelFailureKind.Refused, $"HTTP {c.Status}", IsTransient(c.Status), ex);
                case HttpRequestException or SocketException or IOException:
                    return new(ModelFailureKind.Unreachable, $"could not reach the {service} ({e.Message})", transient: true, ex);
            }
        }

        return new(ModelFailureKind.Refused, ex.GetType().Name + ": " + ex.Message, transient: false, ex);
    }

    private static bool IsTransient(int status) => status is 408 or 429 || status >= 500;
}
