namespace IstioTutor.Core.Guard;

/// <summary>Thrown inside the guard when a request is refused; the guard audits it and turns it into a result.</summary>
public sealed class GuardException : Exception
{
    public GuardException(GuardRefusal refusal)
        : base(refusal?.English)
    {
        Refusal = refusal ?? throw new ArgumentNullException(nameof(refusal));
    }

    public GuardException()
        : this(new GuardRefusal("refused", "Refused.", "거부되었습니다.", RefusalKind.Policy))
    {
    }

    public GuardException(string message)
        : this(new GuardRefusal("refused", message, message, RefusalKind.Policy))
    {
    }

    public GuardException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusal = new GuardRefusal("refused", message, message, RefusalKind.Policy);
    }

    public GuardRefusal Refusal { get; }

    /// <summary>A rule forbids the request (reads as "Refused").</summary>
    public static GuardException Policy(string code, string english, string korean) => new(new GuardRefusal(code, english, korean, RefusalKind.Policy));

    /// <summary>The request itself is wrong or has nothing to do (reads as "Not done").</summary>
    public static GuardException Input(string code, string english, string korean) => new(new GuardRefusal(code, english, korean, RefusalKind.Input));
}
