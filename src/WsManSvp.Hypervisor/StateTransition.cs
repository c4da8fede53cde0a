namespace WsManSvp.Hypervisor;

/// <summary>The state operations of libvirt's domain API.</summary>
public enum StateTransition
{
    /// <summary>Start a defined system, or restore a saved one.</summary>
    Start,
    /// <summary>Hard power off (virDomainDestroy).</summary>
    PowerOff,
    /// <summary>Graceful shutdown.</summary>
    Shutdown,
    Pause,
    Resume,
    /// <summary>Save memory to disk and stop (managed save).</summary>
    Save,
    Reboot,
    Reset,
}
