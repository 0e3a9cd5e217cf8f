namespace IstioTutor.Core.Turns;

/// <summary>The three curriculum stages, in learning order.</summary>
public enum Stage
{
    Beginner = 0,
    Intermediate = 1,
    Advanced = 2,
}
