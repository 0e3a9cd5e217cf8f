namespace IstioTutor.Core.Turns;

/// <summary>Tells Korean from English text by its share of Hangul letters.</summary>
public static class LanguageDetector
{
    /// <summary>Returns "ko", "en", or <paramref name="fallback"/> when the text has no letters to judge.</summary>
    public static string Detect(string text, string fallback = "en")
    {
        int hangul = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            {
                hangul++;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }

        if (hangul == 0 && latin == 0)
        {
            return fallback;
        }

        // Korean questions carry many English resource names ("VirtualService 가중치"), so a few Hangul letters decide.
        return hangul * 4 >= latin || hangul >= 4 ? "ko" : "en";
    }
}
