using WsManSvp.Server.Hosting;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// The real server in-process on the libvirt backend against real qemu guests (qemu:///system, which
/// test.sh's vm tier runs), host "host1", its own data directory, with the backend's events recorded. The
/// systems the tests define are named with <see cref="NamePrefix"/>, so whatever a run leaves behind
/// (domains, disk images) is removed before and after.
/// </summary>
public sealed class VmServerFixture : ServerFixture
{
    public const string NamePrefix = "vmtier-";

    /// <summary>Short, so a broken backend fails a request instead of hanging the run (HttpClient's default is 100 s).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    public HypervisorEvents Events { get; private set; } = null!;

    public static string NewSystemName() => NamePrefix + Guid.NewGuid().ToString("N")[..8];

    public CimClient Cim() => new(new WsManClient(Endpoint, User, Password) { Timeout = RequestTimeout });

    protected override ServerSettings Settings() => base.Settings() with { Backend = "libvirt", LibvirtUri = Virsh.Uri };

    protected override Task PrepareAsync() => Virsh.RemoveLeftoversAsync(NamePrefix);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Events = HypervisorEvents.Watch(Server.Hypervisor);
    }

    public override async Task DisposeAsync()
    {
        if (Events is not null) await Events.DisposeAsync();
        await base.DisposeAsync();
        await Virsh.RemoveLeftoversAsync(NamePrefix);
    }
}
