namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>Tests that share one unauthenticated bot host and its loopback connector.</summary>
[CollectionDefinition("bot-host")]
public sealed class BotHostCollection : ICollectionFixture<BotHostFixture>;
