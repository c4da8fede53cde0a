using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The limits of what one allocation may ask of a pool (DSP1043: the settings CIM_SettingsDefineCapabilities
/// links to a pool's capabilities). Requests are checked against the same values.
/// </summary>
public static class AllocationLimits
{
    public const long MinimumMemoryMiB = 32;
    public const long DefaultMemoryMiB = 1024;
    public const long DefaultDiskBytes = 20L << 30;

    /// <summary>Processor weights run from 1 to 10000, 100 by default (Hyper-V's scale; libvirt: cputune shares).</summary>
    public const int MinimumProcessorWeight = 1;
    public const int MaximumProcessorWeight = 10000;
    public const int DefaultProcessorWeight = 100;

    /// <summary>The Weight a capability setting states; only processors take one.</summary>
    public static int? WeightOf(ResourcePoolInfo pool, CapabilityRole role) => pool.Kind != ResourceKind.Processor ? null : role switch
    {
        CapabilityRole.Minimum or CapabilityRole.Increment => MinimumProcessorWeight,
        CapabilityRole.Maximum => MaximumProcessorWeight,
        _ => DefaultProcessorWeight,
    };

    public static long Of(ResourcePoolInfo pool, CapabilityRole role) => (pool.Kind, role) switch
    {
        (ResourceKind.Processor, CapabilityRole.Maximum) => pool.Capacity,
        (ResourceKind.Memory, CapabilityRole.Minimum) => MinimumMemoryMiB,
        (ResourceKind.Memory, CapabilityRole.Maximum) => pool.Capacity,
        (ResourceKind.Memory, CapabilityRole.Default) => Math.Min(DefaultMemoryMiB, pool.Capacity),
        (ResourceKind.Storage, CapabilityRole.Minimum or CapabilityRole.Increment) => 1L << 20,
        (ResourceKind.Storage, CapabilityRole.Maximum) => pool.Capacity,
        (ResourceKind.Storage, CapabilityRole.Default) => Math.Min(DefaultDiskBytes, pool.Capacity),
        (ResourceKind.Network, _) => 1, // a connection takes exactly one port of its network
        _ => 1, // at least one processor, in steps of one; memory in steps of one MiB
    };
}
