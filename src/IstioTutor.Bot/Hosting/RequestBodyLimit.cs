using Microsoft.AspNetCore.Http.Metadata;

namespace IstioTutor.Bot.Hosting;

/// <summary>
/// Endpoint metadata capping a request body: endpoint routing hands the cap to Kestrel, which refuses a
/// larger Content-Length at once and stops a chunked body as soon as it passes the cap, so no endpoint
/// ever holds more than this in memory. Reading past it throws <see cref="BadHttpRequestException"/> (413).
/// </summary>
public sealed record RequestBodyLimit(long Bytes) : IRequestSizeLimitMetadata
{
    /// <summary>
    /// Room for a message at the pipeline's own limit (64 Ki characters, up to 6 bytes each as JSON escapes)
    /// so a message just over it still gets the pipeline's clear "too long" reply rather than a 413.
    /// </summary>
    private const long TurnBytes = 512 * 1024;

    /// <summary>Bot Framework activities (a Teams message itself is at most ~28 KB).</summary>
    public static readonly RequestBodyLimit Activity = new(TurnBytes);

    /// <summary>Web chat turns.</summary>
    public static readonly RequestBodyLimit Chat = new(TurnBytes);

    /// <summary>Dashboard forms: a token field.</summary>
    public static readonly RequestBodyLimit Form = new(8 * 1024);

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => Bytes;

    public static bool IsExceeded(Exception e) => e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    public IResult TooLarge() =>
        Results.Problem($"The request body is larger than {Bytes:N0} bytes; nothing was done.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
