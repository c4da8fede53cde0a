using System.Diagnostics;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using Xunit.Abstractions;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// libvirtd dies (SIGKILL) under a running service and a running guest: requests that need it fail fast with
/// wsa:EndpointUnavailable, and once libvirtd is back the service reconnects by itself, with the guest still
/// there and running, and its events flowing again.
/// </summary>
[Collection(VmCollection.Name)]
[Trait("Tier", "vm")]
public sealed class LibvirtdRestartTests(VmServerFixture server, ITestOutputHelper output)
{
    private static readonly TimeSpan FaultWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_service_faults_while_libvirtd_is_down_and_recovers_by_itself_when_it_is_back()
    {
        using var cim = server.Cim();
        var steps = new VmSteps(server, cim, output);
        var name = VmServerFixture.NewSystemName();
        var system = await steps.DefineAsync(name);
        await steps.ChangeStateAsync(system, 2, SystemState.Running);

        await LibvirtDaemons.KillLibvirtdAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var reply = await cim.GetRawAsync(system).WaitAsync(FaultWithin);
            output.WriteLine($"Get while libvirtd is down: {clock.ElapsedMilliseconds} ms");
            reply.AssertFault("wsa:EndpointUnavailable");
        }
        finally
        {
            await LibvirtDaemons.RestartLibvirtdAsync();
        }

        var recovery = Stopwatch.StartNew();
        while (true)
        {
            var reply = await cim.GetRawAsync(system);
            if (reply.Fault is null)
            {
                Assert.Equal("2", reply.AssertOk().Content.Prop("EnabledState"));
                break;
            }
            Assert.True(recovery.Elapsed < RecoveryWithin, $"The service still faults {RecoveryWithin.TotalSeconds} s after libvirtd came back:\n{reply.Text}");
            await Task.Delay(200);
        }
        output.WriteLine($"Answering again {recovery.ElapsedMilliseconds} ms after libvirtd was back");
        Assert.Contains(await UseCaseSteps.LocateVirtualSystemsAsync(cim, await UseCaseSteps.HostSystemAsync(cim)), s => s.SameAs(system));

        await steps.ChangeStateAsync(system, 3, SystemState.Off);
        await steps.DestroyAsync(system);
    }
}
