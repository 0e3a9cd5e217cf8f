using IstioTutor.Core.Turns;
using Newtonsoft.Json.Linq;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Builds Adaptive Card 1.5 JSON by hand (the AdaptiveCards package is not served here, and the schema
/// is small). Code is shown in a RichTextBlock TextRun, which Teams does not run through markdown, so
/// YAML and diffs keep their lines and dashes.
/// </summary>
internal static class AdaptiveCardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject From(TutorCard card)
    {
        var body = new JArray
        {
            new JObject
            {
                ["type"] = "TextBlock",
                ["text"] = card.Title,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            },
        };
        foreach (var section in card.Sections)
        {
            if (!string.IsNullOrWhiteSpace(section.Heading))
            {
                body.Add(new JObject { ["type"] = "TextBlock", ["text"] = section.Heading, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            }

            if (!string.IsNullOrWhiteSpace(section.Text))
            {
                body.Add(new JObject { ["type"] = "TextBlock", ["text"] = section.Text, ["wrap"] = true });
            }

            if (!string.IsNullOrEmpty(section.Code))
            {
                body.Add(new JObject
                {
                    ["type"] = "Container",
                    ["style"] = "emphasis",
                    ["items"] = new JArray
                    {
                        new JObject
                        {
                            ["type"] = "RichTextBlock",
                            ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = section.Code, ["fontType"] = "Monospace" } },
                        },
                    },
                });
            }
        }

        var json = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (card.Buttons.Count > 0)
        {
            json["actions"] = new JArray(card.Buttons.Select(Submit));
        }

        return json;
    }

    private static JObject Submit(CardButton button)
    {
        var action = new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = button.Label,
            // Comes back as activity.Value; CardActionReader reads exactly these two keys.
            ["data"] = new JObject { ["verb"] = button.Action.Verb, ["argument"] = button.Action.Argument },
        };
        if (button.Primary)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
