namespace IstioTutor.Bot.Mcp;

/// <summary>
/// The terminal learner an <c>istiotutor mcp</c> (stdio) process acts for: the same learner as
/// <c>istiotutor chat --learner ID</c>, so progress and sandbox are shared with the terminal.
/// Registered only by the stdio command; the HTTP host never has one.
/// </summary>
public sealed record McpStdioLearner(string TerminalId);
