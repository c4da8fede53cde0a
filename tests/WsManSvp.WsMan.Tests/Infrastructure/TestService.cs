using WsManSvp.Virtualization.Jobs;
using System.Text;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>
/// The protocol layer assembled as the host assembles it (WsManServer), over a seeded simulator wrapped
/// in a <see cref="TroubledHypervisor"/>, without HTTP: requests go straight to the processor.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    public const string HostName = "wsman-test-host";

    public static readonly Caller Alice = new(true, "alice", false);
    public static readonly Caller Bob = new(true, "bob", false);
    public static readonly Caller Anonymous = Caller.Anonymous(false);

    private static readonly CimClassRepository Repository = CimClassRepository.LoadEmbedded();

    private readonly WsManProcessor _processor;

    private TestService(SimulatedHypervisor simulator, WsManOptions options, TimeProvider time)
    {
        Simulator = simulator;
        Hypervisor = new TroubledHypervisor(simulator);
        Options = options;
        Contexts = new EnumerationContextStore(options, time);
        var cim = new CimOperations(Repository, VirtualizationProviders.Create(Hypervisor, Jobs, Repository), CimNamespaces.All);
        _processor = new WsManProcessor(new CimResourceService(cim), Contexts, options, time, Log);
    }

    public SimulatedHypervisor Simulator { get; }
    /// <summary>The jobs the profile's methods start (RequestStateChange, DestroySystem, the snapshot methods).</summary>
    public JobEngine Jobs { get; } = JobEngine.InMemory();
    public TroubledHypervisor Hypervisor { get; }
    public WsManOptions Options { get; }
    public EnumerationContextStore Contexts { get; }
    public CapturingLogger<WsManProcessor> Log { get; } = new();

    /// <summary>The host, the four seeded systems and <paramref name="extraSystems"/> more.</summary>
    public static async Task<TestService> StartAsync(WsManOptions? options = null, TimeProvider? time = null, int extraSystems = 0)
    {
        var simulator = new SimulatedHypervisor(SimulatorSeed.DefaultHost(HostName));
        await SimulatorSeed.SeedAsync(simulator, extraSystems, CancellationToken.None);
        return new TestService(simulator, options ?? new WsManOptions(), time ?? TimeProvider.System);
    }

    /// <summary>How many CIM_ComputerSystem instances there are: the host and every defined system.</summary>
    public int ComputerSystemCount => 1 + Simulator.Count;

    public Task<Reply> SendAsync(Request request, Caller? caller = null) => SendAsync(request.Build(), caller);

    public Task<Reply> SendAsync(string envelope, Caller? caller = null) => SendAsync(Encoding.UTF8.GetBytes(envelope), caller);

    public async Task<Reply> SendAsync(byte[] envelope, Caller? caller = null)
    {
        using var response = await _processor.ProcessAsync(envelope, caller ?? Alice, CancellationToken.None);
        return new Reply(response);
    }

    public async ValueTask DisposeAsync()
    {
        await Contexts.DisposeAsync();
        await Jobs.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
