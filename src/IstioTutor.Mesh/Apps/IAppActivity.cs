using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>
/// What the sample apps do besides answering: the lines they print on their container's standard output,
/// and every call they make to another service (so a sandbox can write both pods' proxy access logs).
/// </summary>
public interface IAppActivity
{
    void Logged(WorkloadInfo pod, string container, string line);

    void Called(WorkloadInfo from, HttpExchange exchange);
}
