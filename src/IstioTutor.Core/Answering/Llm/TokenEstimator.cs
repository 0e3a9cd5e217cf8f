namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Approximate token counts for budgeting the prompt without shipping a tokenizer per model:
/// ASCII text ≈ 4 characters per token (the usual figure for English under BPE tokenizers), every
/// other character (Hangul syllables, symbols) 1 token, plus 4 tokens of framing per chat message.
/// It over-counts Korean a little, which errs on the side of a prompt that fits.
/// </summary>
public static class TokenEstimator
{
    public const int PerMessageOverhead = 4;

    public static int Estimate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int ascii = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }
        }

        return ((ascii + 3) / 4) + other;
    }

    public static int Message(string? text) => Estimate(text) + PerMessageOverhead;
}
