namespace WsManSvp.WsMan.Eventing;

/// <summary>One event for one subscription's log: the event's global number (its body is stored once under it) and its place in that log.</summary>
public sealed record LogEntry(string Subscription, long EventId, LoggedEvent Event);
