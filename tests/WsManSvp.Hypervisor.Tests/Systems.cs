using System.Text.Json;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Hypervisor.Tests;

/// <summary>Definitions and simulators for tests.</summary>
public static class Systems
{
    public static SystemDefinition Definition(string name, Guid? uuid = null, int cpus = 1, long memoryMiB = 512) =>
        new(name, cpus, memoryMiB,
            [new VirtualDisk("vda", $"/images/{name}.qcow2", 1L << 30)],
            [new VirtualNetworkAdapter("52:54:00:00:00:01", "default")])
        {
            Uuid = uuid,
        };

    public static SimulatedHypervisor Simulator(TimeProvider? time = null, SimulatorOptions? options = null) =>
        new(SimulatorSeed.DefaultHost("testhost"), time, options);

    /// <summary>Defines a system and takes it through the transitions to the state a test needs.</summary>
    public static async Task<VirtualSystem> InStateAsync(IHypervisor hypervisor, SystemState state, string name = "vm")
    {
        var system = await hypervisor.DefineSystemAsync(Definition(name), CancellationToken.None);
        StateTransition[] path = state switch
        {
            SystemState.Off => [],
            SystemState.Running => [StateTransition.Start],
            SystemState.Paused => [StateTransition.Start, StateTransition.Pause],
            SystemState.Saved => [StateTransition.Start, StateTransition.Save],
            _ => throw new ArgumentException($"The simulator cannot reach {state} through its public operations.", nameof(state)),
        };
        foreach (var transition in path) system = await hypervisor.ChangeStateAsync(system.Id, transition, CancellationToken.None);
        Assert.Equal(state, system.State);
        return system;
    }

    public static async Task<List<VirtualSystem>> ListAsync(IHypervisor hypervisor)
    {
        var list = new List<VirtualSystem>();
        await foreach (var s in hypervisor.ListSystemsAsync(CancellationToken.None)) list.Add(s);
        return list;
    }

    /// <summary>
    /// A value's full content as JSON, to compare records whose lists (devices, snapshots) record equality
    /// compares by reference.
    /// </summary>
    public static string Content(object? value) => JsonSerializer.Serialize(value);
}
