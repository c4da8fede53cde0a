namespace WsManSvp.Hypervisor;

/// <summary>A defined virtual system as the hypervisor reports it at one moment.</summary>
public sealed record VirtualSystem(
    Guid Id,
    SystemState State,
    DateTimeOffset TimeOfLastStateChange,
    SystemDefinition Definition)
{
    /// <summary>
    /// The definition the system's instance runs with (libvirt: the live domain XML), which differs from
    /// <see cref="Definition"/> when the definition was edited after it started; also the definition a saved
    /// system resumes with. Null when the system is off or crashed.
    /// </summary>
    public SystemDefinition? ActiveDefinition { get; init; }
}
