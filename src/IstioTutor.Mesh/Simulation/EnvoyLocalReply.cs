namespace IstioTutor.Mesh.Simulation;

/// <summary>The bodies Envoy writes when a proxy answers by itself, keyed by status and response flag.</summary>
internal static class EnvoyLocalReply
{
    public static string Body(int status, string? flag) => (status, flag) switch
    {
        (_, "FI") => "fault filter abort",
        (_, "UH") => "no healthy upstream",
        (_, "UT") => "upstream request timeout",
        (_, "UO") => "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        (_, "UF") => "upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end",
        (_, "NR") or (_, "NC") => "",
        (403, _) => "RBAC: access denied",
        (401, _) => "Jwt verification fails",
        _ => "",
    };
}
