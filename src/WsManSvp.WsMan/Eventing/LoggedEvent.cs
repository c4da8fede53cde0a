namespace WsManSvp.WsMan.Eventing;

/// <summary>An event in a subscription's log: its sequence number there (what bookmarks name) and the event.</summary>
public sealed record LoggedEvent(long Sequence, DateTimeOffset Time, string ResourceUri, ReadOnlyMemory<byte> Body);
