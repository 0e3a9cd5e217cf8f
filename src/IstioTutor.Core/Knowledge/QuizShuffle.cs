using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IstioTutor.Core.Knowledge;

/// <summary>
/// The order a learner sees a question's options in: a permutation seeded by a hash of (learner, lesson,
/// question number), so it differs between learners and questions but is the same every time one learner
/// sees one question — in text, on every door's card and when /answer N is graded. No shared random state.
/// </summary>
public static class QuizShuffle
{
    /// <summary>The question with its options in this learner's order and <see cref="QuizQuestion.CorrectIndex"/> moved with them.</summary>
    public static QuizQuestion For(string learnerId, string lessonId, QuizQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var order = Permutation(learnerId, lessonId, question.Number, question.Options.Count);
        return question with
        {
            Options = order.Select(i => question.Options[i]).ToArray(),
            CorrectIndex = Array.IndexOf(order, question.CorrectIndex),
        };
    }

    /// <summary>position → source option index; Fisher–Yates driven by SHA-256 of the seed and a counter.</summary>
    private static int[] Permutation(string learnerId, string lessonId, int number, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var seed = Encoding.UTF8.GetBytes($"{learnerId}\n{lessonId}\n{number}\n");
        Span<byte> hash = stackalloc byte[32];
        var input = new byte[seed.Length + 4];
        seed.CopyTo(input, 0);
        for (var i = count - 1; i > 0; i--)
        {
            BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(seed.Length), i);
            SHA256.HashData(input, hash);
            var j = (int)(BinaryPrimitives.ReadUInt64LittleEndian(hash) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
