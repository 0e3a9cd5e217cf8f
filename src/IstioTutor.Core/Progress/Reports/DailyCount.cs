namespace IstioTutor.Core.Progress.Reports;

/// <summary>How many things happened on one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, int Count);
