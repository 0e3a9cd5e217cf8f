using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Bot.Hosting;

/// <summary>The <c>Serve</c> section: where the host listens. Loopback by default; a container sets 0.0.0.0.</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests and benchmarks).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>
    /// Development only: lets a host without Bot Framework credentials listen beyond loopback, where anyone
    /// who reaches the port could claim any Teams or Slack identity. Warned about at start and on /readyz.
    /// </summary>
    public bool AllowUnauthenticatedNetwork { get; set; }
}
