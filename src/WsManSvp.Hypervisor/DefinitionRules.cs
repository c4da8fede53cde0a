namespace WsManSvp.Hypervisor;

/// <summary>The checks libvirt's define applies, which every backend applies before calling the hypervisor.</summary>
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

    /// <summary>
    /// Checks a new definition of <paramref name="system"/> and returns it with the system's UUID (a null one
    /// means "unchanged"). Redefining with the same UUID under another name is libvirt's rename, which its
    /// define refuses; so does this.
    /// </summary>
    public static SystemDefinition ValidateUpdate(VirtualSystem system, SystemDefinition definition)
    {
        Validate(definition);
        if (definition.Name != system.Definition.Name)
            throw Invalid($"System '{system.Definition.Name}' cannot be renamed to '{definition.Name}' by changing its definition.");
        if (definition.Uuid is { } uuid && uuid != system.Id)
            throw Invalid($"The UUID of system '{system.Definition.Name}' is {system.Id}; a definition cannot change it to {uuid}.");
        return definition with { Uuid = system.Id };
    }

    /// <summary>
    /// Whether two definitions say the same. Records compare their device lists by reference, so the lists
    /// are compared item by item and every other member by the record's own equality.
    /// </summary>
    public static bool Same(SystemDefinition? a, SystemDefinition? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null
            && a with { Disks = NoDisks, NetworkAdapters = NoAdapters } == b with { Disks = NoDisks, NetworkAdapters = NoAdapters }
            && a.Disks.SequenceEqual(b.Disks) && a.NetworkAdapters.SequenceEqual(b.NetworkAdapters));

    private static readonly VirtualDisk[] NoDisks = [];
    private static readonly VirtualNetworkAdapter[] NoAdapters = [];

    private static HypervisorException Invalid(string message) => new(HypervisorError.InvalidArgument, message);
}
