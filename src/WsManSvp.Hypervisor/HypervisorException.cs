namespace WsManSvp.Hypervisor;

/// <summary>Why a hypervisor call failed; the upper layers map each onto a CIM status and a fault.</summary>
public enum HypervisorError
{
    NotFound,
    InvalidState,
    InvalidArgument,
    AlreadyExists,
    NotSupported,
    /// <summary>The hypervisor cannot be reached now (libvirt: connection lost).</summary>
    Unavailable,
    Failed,
}

public sealed class HypervisorException(HypervisorError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HypervisorError Error { get; } = error;
}
