using System.Text.RegularExpressions;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// How a chat command is spelled in Slack: with <c>!</c>, because Slack's message box takes a leading
/// <c>/</c> as one of its own slash commands. Only the tutor's registered command names are respelled, so
/// paths (<c>/ratings/*</c>) and URLs keep their slashes.
/// </summary>
internal sealed partial class SlackCommands(IReadOnlySet<string> names)
{
    public const char Prefix = '!';

    /// <summary>The command a button stands for, as a Slack learner would type it.</summary>
    public static string For(Core.Turns.CardAction action) => $"{Prefix}{action.Verb} {action.Argument}".TrimEnd();

    /// <summary>Text with every mention of a tutor command (<c>/help</c>, <c>/confirm ID</c>) spelled with <c>!</c>.</summary>
    public string Spell(string text) => Command().Replace(text, m => names.Contains(m.Groups[2].Value.ToLowerInvariant())
        ? m.Groups[1].Value + Prefix + m.Groups[2].Value
        : m.Value);

    [GeneratedRegex(@"(^|[\s(`""'“‘:,])/([a-z][a-z0-9-]*)\b(?![/.]\w)", RegexOptions.Multiline)]
    private static partial Regex Command();
}
