namespace WsManSvp.Hypervisor.Simulator;

/// <summary>The checks libvirt's define applies that a simulated define must apply too.</summary>
internal static class DefinitionRules
{
    public static void Validate(SystemDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
            throw Invalid("A system needs a name.");
        if (definition.VirtualCpus < 1)
            throw Invalid($"A system needs at least one virtual CPU, not {definition.VirtualCpus}.");
        if (definition.MemoryMiB < 1)
            throw Invalid($"A system needs memory, not {definition.MemoryMiB} MiB.");
    }

    private static HypervisorException Invalid(string message) => new(HypervisorError.InvalidArgument, message);
}
