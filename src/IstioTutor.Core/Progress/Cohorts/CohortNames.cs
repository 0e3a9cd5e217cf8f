using System.Security.Cryptography;

namespace IstioTutor.Core.Progress.Cohorts;

/// <summary>Rules for cohort names and join codes.</summary>
public static class CohortNames
{
    public const int MaxLength = 40;

    /// <summary>No 0/O or 1/I/L: codes are read aloud and typed by hand.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Letters, digits, '-' and '_', 1 to 40 characters.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewCode(int length = 8) => RandomNumberGenerator.GetString(CodeAlphabet, length);
}
