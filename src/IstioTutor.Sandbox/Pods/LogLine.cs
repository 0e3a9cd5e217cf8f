namespace IstioTutor.Sandbox.Pods;

/// <summary>One line a container printed, with when (for <c>--since</c> and <c>--timestamps</c>).</summary>
internal sealed record LogLine(DateTimeOffset At, string Text);
