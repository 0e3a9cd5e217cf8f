namespace IstioTutor.Sandbox.Tests.GatewayApi;

[CollectionDefinition(Name)]
public sealed class GatewayApiCollection : ICollectionFixture<GatewayApiFixture>
{
    public const string Name = "gateway-api";
}
