namespace WsManSvp.Hypervisor;

/// <summary>A defined virtual system as the hypervisor reports it at one moment.</summary>
public sealed record VirtualSystem(
    Guid Id,
    SystemState State,
    DateTimeOffset TimeOfLastStateChange,
    SystemDefinition Definition);
