using System.Text.RegularExpressions;

namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// Recognises a message that only makes sense against the previous answer. The whole message must be
/// the follow-up ("why?", "show me the YAML", "what about retries?", "한국어로 설명해줘"): a full question
/// that merely starts with "why" is a question of its own and is answered as one.
/// </summary>
public static partial class FollowUpDetector
{
    /// <summary>Longer messages carry their own context and are never read as follow-ups.</summary>
    private const int MaxChars = 60;

    public static FollowUp? Detect(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Length > MaxChars)
        {
            return null;
        }

        t = Trailing().Replace(t, "").Trim();
        if (InKorean().IsMatch(t))
        {
            return new FollowUp(FollowUpKind.Translate, TargetLang: "ko");
        }

        if (InEnglish().IsMatch(t))
        {
            return new FollowUp(FollowUpKind.Translate, TargetLang: "en");
        }

        if (Yaml().IsMatch(t) || YamlKo().IsMatch(t))
        {
            return new FollowUp(FollowUpKind.ShowYaml);
        }

        if (Why().IsMatch(t) || WhyKo().IsMatch(t))
        {
            return new FollowUp(FollowUpKind.Why);
        }

        if (WhatAbout().Match(t) is { Success: true } en)
        {
            return new FollowUp(FollowUpKind.WhatAbout, Topic: en.Groups["topic"].Value.Trim());
        }

        if (WhatAboutKo().Match(t) is { Success: true } ko)
        {
            return new FollowUp(FollowUpKind.WhatAbout, Topic: ko.Groups["topic"].Value.Trim());
        }

        return null;
    }

    [GeneratedRegex(@"[\s?!.。~]+$")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:(?:please\s+)?(?:explain|say|tell me|answer)\s+(?:it|that|this)?\s*in korean(?:\s+please)?|in korean(?:\s+please)?|한국어로(?:\s*(?:다시\s*)?(?:설명|알려|말|답|번역)\S*(?:\s*\S+)?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex InKorean();

    [GeneratedRegex(@"^(?:(?:please\s+)?(?:explain|say|tell me|answer)\s+(?:it|that|this)?\s*in english(?:\s+please)?|in english(?:\s+please)?|영어로(?:\s*(?:다시\s*)?(?:설명|알려|말|답|번역)\S*(?:\s*\S+)?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex InEnglish();

    [GeneratedRegex(@"^(?:(?:can|could) you\s+|please\s+)?(?:show|give|send)(?: me)?(?: the| an?)?(?: yaml| manifest| example| config)(?: example)?(?: for (?:it|that|this))?(?: please)?$|^(?:the )?yaml(?: please)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Yaml();

    [GeneratedRegex(@"^(?:그\s*)?(?:yaml|YAML|예시|예제|매니페스트)(?:\s*(?:도|을|를|좀))?(?:\s*좀)?\s*(?:보여\s*(?:줘|주세요|줄래|주실래요)|주세요|줘)$", RegexOptions.IgnoreCase)]
    private static partial Regex YamlKo();

    [GeneratedRegex(@"^(?:but |and )?(?:why|how come)(?: is (?:that|it)| so| does it| not)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Why();

    [GeneratedRegex(@"^(?:그런데\s*|근데\s*)?(?:왜|왜요|왜죠|왜 그래요|왜 그런가요|왜 그렇죠|이유는|이유가 뭐예요|이유가 뭔가요)$")]
    private static partial Regex WhyKo();

    [GeneratedRegex(@"^(?:and |but |ok,? |okay,? )?(?:what|how) about (?<topic>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhatAbout();

    [GeneratedRegex(@"^(?:그럼\s*|그러면\s*|그리고\s*)?(?<topic>\S+(?:\s\S+)?)(?:은|는)\s*(?:요|어때요|어떻게 해요|어떻게 하나요)$")]
    private static partial Regex WhatAboutKo();
}
