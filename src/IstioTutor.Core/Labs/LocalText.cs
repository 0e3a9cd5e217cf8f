namespace IstioTutor.Core.Labs;

/// <summary>A text in English and Korean; <see cref="In"/> picks the reply language.</summary>
public sealed record LocalText(string En, string Ko)
{
    public string In(string lang) => lang == "ko" ? Ko : En;
}
