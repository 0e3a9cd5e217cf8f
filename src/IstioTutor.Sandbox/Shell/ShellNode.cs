namespace IstioTutor.Sandbox.Shell;

/// <summary>The parsed script: commands joined by pipes, <c>&amp;&amp;</c>/<c>||</c>, <c>;</c> and <c>for</c> loops.</summary>
internal abstract record ShellNode
{
    public sealed record Simple(IReadOnlyList<ShellWord> Words, IReadOnlyList<Redirect> Redirects) : ShellNode;

    public sealed record Pipeline(IReadOnlyList<ShellNode> Commands) : ShellNode;

    /// <summary>The first node, then each following one run or skipped by the operator before it ("&amp;&amp;" or "||").</summary>
    public sealed record AndOr(ShellNode First, IReadOnlyList<(string Operator, ShellNode Node)> Rest) : ShellNode;

    public sealed record Sequence(IReadOnlyList<ShellNode> Items) : ShellNode;

    public sealed record For(string Variable, IReadOnlyList<ShellWord> Items, ShellNode Body) : ShellNode;

    /// <summary>A redirection: "&gt;", "&gt;&gt;", "&lt;", "2&gt;", "2&gt;&gt;", or a duplication "2&gt;&amp;1" / "&gt;&amp;2" (Target null).</summary>
    public sealed record Redirect(string Operator, ShellWord? Target);
}
