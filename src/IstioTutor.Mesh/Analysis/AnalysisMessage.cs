namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// One finding, shaped like istioctl analyze's output:
/// <c>Error [IST0101] (VirtualService learn-a/reviews) Referenced host+subset in destinationrule not found: "reviews+v4"</c>.
/// </summary>
public sealed record AnalysisMessage(string Code, string Name, AnalysisLevel Level, string Message, string Resource)
{
    public override string ToString() => $"{Level} [{Code}] ({Resource}) {Message}";
}
