using IstioTutor.Bot.Tests.Browser;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>The channel rendering tests share one set of replies from the real host and one Chromium.</summary>
[CollectionDefinition("channel-cards")]
public sealed class ChannelCardsCollection : ICollectionFixture<ChannelRepliesFixture>, ICollectionFixture<ChromiumFixture>;
