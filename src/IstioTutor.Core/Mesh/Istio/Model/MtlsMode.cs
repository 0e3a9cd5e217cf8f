namespace IstioTutor.Core.Mesh.Istio;

public enum MtlsMode
{
    Permissive,
    Strict,
    Disable,
}
