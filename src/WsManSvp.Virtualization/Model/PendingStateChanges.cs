using System.Collections.Concurrent;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The state changes in progress, one per virtual system at most: while one runs, the system's
/// RequestedState and TransitioningToState say where it is going, and another request is busy.
/// </summary>
public sealed class PendingStateChanges
{
    private readonly ConcurrentDictionary<Guid, ushort> _requested = new();

    /// <summary>Claims the system for a change to <paramref name="requestedState"/>; false when one is in progress.</summary>
    public bool TryBegin(Guid system, ushort requestedState) => _requested.TryAdd(system, requestedState);

    public void End(Guid system) => _requested.TryRemove(system, out _);

    public ushort? RequestedStateOf(Guid system) => _requested.TryGetValue(system, out var requested) ? requested : null;
}
