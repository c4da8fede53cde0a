namespace WsManSvp.Hypervisor;

/// <summary>What a virtual system is doing, in libvirt's terms.</summary>
public enum SystemState
{
    /// <summary>Defined, not running (libvirt: shut off).</summary>
    Off,
    Running,
    Paused,
    /// <summary>Shut off with a saved memory image (libvirt: managed save).</summary>
    Saved,
    ShuttingDown,
    Starting,
    Crashed,
}
