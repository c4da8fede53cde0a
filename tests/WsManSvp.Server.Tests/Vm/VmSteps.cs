using System.Diagnostics;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using Xunit.Abstractions;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// The VM tier's steps over WS-Management: a small TCG system defined, and each method run to its end with
/// the system's EnabledState and the backend's event checked after it, and its duration written to the output.
/// </summary>
public sealed class VmSteps(VmServerFixture server, CimClient cim, ITestOutputHelper output)
{
    /// <summary>How long the backend may take to announce a change it made (libvirt's events come within milliseconds).</summary>
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>DefineSystem of a system with this memory, processors and one new disk image from the "default" pool; returns ResultingSystem.</summary>
    public async Task<Epr> DefineAsync(string name, ulong memoryMiB = 64, ulong processors = 1, ulong diskMiB = 64)
    {
        var clock = Stopwatch.StartNew();
        var defined = await cim.InvokeMethodAsync(VirtualSystemServices.Management, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings(name))
            .Embedded("ResourceSettings", Memory(memoryMiB))
            .Embedded("ResourceSettings", Processors(processors))
            .Embedded("ResourceSettings", Disk(diskMiB)));
        Assert.True(defined.ReturnValue == 0, $"DefineSystem of {name} returned {defined.ReturnValue}:\n{defined}");
        var system = defined.Reference("ResultingSystem");
        Assert.True(system is not null, $"DefineSystem of {name} returned no ResultingSystem:\n{defined}");
        output.WriteLine($"DefineSystem: {clock.ElapsedMilliseconds} ms");
        Assert.Equal("3", await MethodSteps.EnabledStateAsync(cim, system));
        return system;
    }

    /// <summary>The system's identity: a virtual system's Name is its UUID (docs/MODEL.md).</summary>
    public static Guid IdOf(Epr system) => Guid.Parse(system.Selector("Name")!);

    /// <summary>RequestStateChange to completion; then EnabledState is <paramref name="requestedState"/> and the backend announced <paramref name="state"/>.</summary>
    public Task ChangeStateAsync(Epr system, int requestedState, SystemState state) =>
        StepAsync($"RequestStateChange({requestedState})", system, requestedState.ToString(), state,
            () => MethodSteps.ChangeStateAsync(cim, system, requestedState));

    /// <summary>
    /// Runs one step to its end and checks the system after it: EnabledState (GetInstance), and, unless
    /// <paramref name="state"/> is null (a step that changes no state), a StateChanged event of the system whose
    /// Current state is <paramref name="state"/> among the events since the step began.
    /// </summary>
    public async Task<T> StepAsync<T>(string what, Epr system, string enabledState, SystemState? state, Func<Task<T>> step)
    {
        var mark = server.Events.Count;
        var clock = Stopwatch.StartNew();
        var result = await step();
        output.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(enabledState, await MethodSteps.EnabledStateAsync(cim, system));
        var id = IdOf(system);
        if (state is not null)
            await server.Events.WaitForAsync(mark, e => e.Kind == HypervisorEventKind.StateChanged && e.SystemId == id && e.Current?.State == state,
                $"StateChanged of {id} to {state} after {what}", EventTimeout);
        return result;
    }

    /// <summary>DestroySystem to completion; the backend announces the system undefined.</summary>
    public async Task DestroyAsync(Epr system)
    {
        var mark = server.Events.Count;
        var clock = Stopwatch.StartNew();
        var job = await VirtualSystemServices.FinishedAsync(cim, await VirtualSystemServices.DestroyAsync(cim, system));
        Assert.True(job.JobState == JobView.Completed, $"DestroySystem did not complete:\n{job}");
        output.WriteLine($"DestroySystem: {clock.ElapsedMilliseconds} ms");
        var id = IdOf(system);
        await server.Events.WaitForAsync(mark, e => e.Kind == HypervisorEventKind.Undefined && e.SystemId == id,
            $"Undefined of {id} after DestroySystem", EventTimeout);
    }
}
