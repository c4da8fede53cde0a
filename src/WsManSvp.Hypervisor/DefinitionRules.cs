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
        foreach (var graphics in definition.Graphics)
        {
            if (!GraphicsTypes.All.Contains(graphics.Type))
                throw Invalid($"'{graphics.Type}' is not a graphics type ({string.Join(", ", GraphicsTypes.All)}).");
            if (graphics.Port is { } port && port is < 1 or > MaxPort)
                throw Invalid($"Graphics port {port} is outside 1..{MaxPort}.");
        }
        if (definition.Graphics.GroupBy(g => g.Type).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Invalid($"A system has at most one {twice.Key} display.");
    }

    private const int MaxPort = 65535;

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
            && WithoutLists(a) == WithoutLists(b)
            && a.Disks.SequenceEqual(b.Disks) && a.NetworkAdapters.SequenceEqual(b.NetworkAdapters) && a.Graphics.SequenceEqual(b.Graphics));

    /// <summary>The definition with the same empty lists in place of its own, for comparing everything else.</summary>
    private static SystemDefinition WithoutLists(SystemDefinition definition) =>
        definition with { Disks = NoDisks, NetworkAdapters = NoAdapters, Graphics = NoGraphics };

    private static readonly VirtualDisk[] NoDisks = [];
    private static readonly VirtualNetworkAdapter[] NoAdapters = [];
    private static readonly VirtualGraphics[] NoGraphics = [];

    private static HypervisorException Invalid(string message) => new(HypervisorError.InvalidArgument, message);
}
