namespace IstioTutor.Mesh.Model;

public enum MtlsMode
{
    Permissive,
    Strict,
    Disable,
}
