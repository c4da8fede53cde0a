namespace WsManSvp.Hypervisor;

public enum HypervisorEventKind
{
    Defined,
    Undefined,
    StateChanged,
    ConfigurationChanged,
}

/// <summary>
/// One change the hypervisor reports (libvirt: a domain lifecycle or device event). Previous is the
/// system before the change (null for Defined), Current after it (null for Undefined).
/// </summary>
public sealed record HypervisorEvent(
    HypervisorEventKind Kind,
    Guid SystemId,
    VirtualSystem? Previous,
    VirtualSystem? Current,
    DateTimeOffset Time);
