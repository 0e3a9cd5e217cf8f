namespace IstioTutor.Core.Turns;

/// <summary>Where a turn came from. Doors only translate; every door reaches the same pipeline.</summary>
public enum Door
{
    Terminal,
    Web,
    Teams,
    Slack,
    Emulator,
    Model,
    /// <summary>An editor's assistant over the Model Context Protocol (istiotutor mcp, /mcp): its tool calls are model-initiated.</summary>
    Mcp,
}
