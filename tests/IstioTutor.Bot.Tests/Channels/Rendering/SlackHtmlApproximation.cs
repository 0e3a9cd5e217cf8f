using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>
/// A rough HTML picture of Slack Block Kit blocks, for screenshots only: headers, mrkdwn sections (bold,
/// italics, code, code blocks, links), context lines and buttons, styled like Slack's light theme. It is an
/// approximation written for these tests, not Slack's renderer, and the page says so.
/// </summary>
public static partial class SlackHtmlApproximation
{
    public static string Page(JsonArray blocks)
    {
        var body = new StringBuilder();
        foreach (var block in blocks.Select(b => b!))
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    body.Append("<h3>").Append(WebUtility.HtmlEncode(block["text"]!["text"]!.GetValue<string>())).Append("</h3>");
                    break;
                case "section":
                    body.Append("<div class=section>").Append(Mrkdwn(block["text"]!["text"]!.GetValue<string>())).Append("</div>");
                    break;
                case "context":
                    body.Append("<div class=context>").AppendJoin(" ", block["elements"]!.AsArray().Select(e => Mrkdwn(e!["text"]!.GetValue<string>()))).Append("</div>");
                    break;
                case "actions":
                    body.Append("<div class=actions>");
                    foreach (var button in block["elements"]!.AsArray().Select(e => e!))
                    {
                        var primary = button["style"]?.GetValue<string>() == "primary" ? " primary" : "";
                        body.Append($"<span class='button{primary}'>").Append(WebUtility.HtmlEncode(button["text"]!["text"]!.GetValue<string>())).Append("</span>");
                    }

                    body.Append("</div>");
                    break;
            }
        }

        return $$"""
            <!doctype html><html><head><meta charset=utf-8><style>
            body{margin:0;padding:16px;background:#fff;font:15px/1.46668 'Lato','Noto Sans CJK KR',system-ui,sans-serif;color:#1d1c1d;width:640px}
            .note{font-size:11px;color:#a00;border:1px dashed #a00;padding:2px 6px;margin-bottom:10px}
            .msg{display:flex;gap:8px}.avatar{width:36px;height:36px;border-radius:4px;background:#466bb0;flex:none}
            .name{font-weight:900}h3{font-size:18px;margin:6px 0}.section{margin:6px 0;white-space:normal}
            code{font:12px Monaco,Menlo,monospace;color:#e01e5a;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:1px 3px}
            pre{font:12px/1.5 Monaco,Menlo,monospace;background:#f8f8f8;border:1px solid #ddd;border-radius:4px;padding:8px;white-space:pre-wrap;margin:4px 0}
            .context{font-size:12px;color:#616061;margin:4px 0}.actions{margin:8px 0;display:flex;gap:8px;flex-wrap:wrap}
            .button{border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:13px}.primary{background:#007a5a;color:#fff;border-color:#007a5a}
            a{color:#1264a3;text-decoration:none}
            </style></head><body><div class=note>Approximation of Slack Block Kit rendering (IstioTutor test helper), not Slack's client</div>
            <div class=msg><div class=avatar></div><div><div class=name>IstioTutor</div>{{body}}</div></div></body></html>
            """;
    }

    /// <summary>Slack mrkdwn to HTML. Slack's escapes (&amp;amp; &amp;lt; &amp;gt;) are HTML's, so the text is inserted as it is.</summary>
    private static string Mrkdwn(string text)
    {
        var parts = CodeBlock().Split(text);
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                html.Append("<pre>").Append(parts[i].Trim('\n')).Append("</pre>");
                continue;
            }

            var inline = InlineCode().Replace(parts[i], "<code>$1</code>");
            inline = Bold().Replace(inline, "$1<b>$2</b>");
            inline = Italic().Replace(inline, "$1<i>$2</i>");
            inline = Link().Replace(inline, "<a>$2</a>");
            html.Append(inline.Replace("\n", "<br>", StringComparison.Ordinal));
        }

        return html.ToString();
    }

    [GeneratedRegex("```\n?(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])", RegexOptions.Multiline)]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])", RegexOptions.Multiline)]
    private static partial Regex Italic();

    [GeneratedRegex(@"&lt;(https?://[^|]+?)\|(.*?)&gt;|<(https?://[^|>]+)\|([^>]*)>")]
    private static partial Regex Link();
}
