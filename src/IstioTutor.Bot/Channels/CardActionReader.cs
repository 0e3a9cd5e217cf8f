using System.Text.RegularExpressions;
using IstioTutor.Core.Turns;
using Newtonsoft.Json.Linq;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Reads a button press back into a <see cref="CardAction"/>: Adaptive Card Action.Submit data arrives as
/// <c>activity.Value</c> (<c>{"verb": "confirm", "argument": "p-1"}</c>); a Slack Block Kit button arrives
/// in <c>channelData.Payload.actions[0].value</c> holding the same JSON.
/// </summary>
internal static partial class CardActionReader
{
    public const int MaxArgumentLength = 200;

    /// <summary>
    /// Null when the activity carries no button data. When it carries data that is not a valid action,
    /// <paramref name="error"/> says what was wrong and no action is returned.
    /// </summary>
    public static CardAction? Read(object? value, object? channelData, out string? error)
    {
        error = null;
        var data = AsObject(value) ?? SlackActionValue(channelData);
        if (data is null)
        {
            return null;
        }

        var verb = data.Value<string>("verb");
        var argument = data["argument"]?.Type == JTokenType.Null ? null : data.Value<string>("argument");
        if (verb is null || !VerbPattern().IsMatch(verb))
        {
            error = "the button data has no valid \"verb\" (lower-case letters, digits and dashes)";
            return null;
        }

        if (argument is not null && (argument.Length > MaxArgumentLength || argument.Any(char.IsControl)))
        {
            error = $"the button's \"argument\" must be one line of at most {MaxArgumentLength} characters";
            return null;
        }

        return new CardAction(verb, string.IsNullOrWhiteSpace(argument) ? null : argument);
    }

    private static JObject? AsObject(object? value) => value switch
    {
        JObject o => o,
        string s when s.TrimStart().StartsWith('{') => TryParse(s),
        _ => null,
    };

    private static JObject? SlackActionValue(object? channelData)
    {
        if (channelData is not JObject cd)
        {
            return null;
        }

        var payload = cd["Payload"] ?? cd["payload"];
        var actionValue = payload?["actions"]?.FirstOrDefault()?["value"];
        return actionValue?.Type == JTokenType.String ? AsObject(actionValue.Value<string>()) : null;
    }

    private static JObject? TryParse(string s)
    {
        try
        {
            return JObject.Parse(s);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex VerbPattern();
}
