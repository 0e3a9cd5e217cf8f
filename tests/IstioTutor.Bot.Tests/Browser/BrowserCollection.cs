namespace IstioTutor.Bot.Tests.Browser;

/// <summary>Every test class that drives the browser joins this collection and shares one Chromium.</summary>
[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>;
