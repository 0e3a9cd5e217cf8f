namespace IstioTutor.Sandbox.Shell;

/// <summary>A word as written: its pieces, each literal, single-quoted, double-quoted or a <c>$(...)</c> substitution.</summary>
internal sealed record ShellWord(IReadOnlyList<ShellWord.Piece> Pieces)
{
    public enum Quoting
    {
        None,
        Single,
        Double,
        Substitution,
    }

    public sealed record Piece(string Text, Quoting Quoting);

    /// <summary>The word's text when it is plain (keywords such as <c>for</c> and <c>do</c> must be).</summary>
    public string? Plain => Pieces is [{ Quoting: Quoting.None } only] ? only.Text : null;
}
