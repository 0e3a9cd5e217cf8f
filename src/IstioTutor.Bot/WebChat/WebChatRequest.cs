namespace IstioTutor.Bot.WebChat;

/// <summary>The body of POST /api/chat: a message, or a card button's action, or both empty for a greeting.</summary>
public sealed record WebChatRequest(string? Text, WebChatAction? Action, string? Name = null);

/// <summary>A pressed card button, as the page posts it back.</summary>
public sealed record WebChatAction(string Verb, string? Argument);
