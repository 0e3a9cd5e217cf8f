namespace IstioTutor.Bot.Hosting;

/// <summary>Anchors the bot host assembly for the hosts that start it.</summary>
public static class BotHostMarker;
