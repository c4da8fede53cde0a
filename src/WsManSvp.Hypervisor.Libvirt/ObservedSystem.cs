namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// A system as read (null when it is not defined) and when the read started (a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp): the read answers every <see cref="Observation"/> made before that instant.
/// </summary>
internal sealed record ObservedSystem(long ReadAt, VirtualSystem? System);
