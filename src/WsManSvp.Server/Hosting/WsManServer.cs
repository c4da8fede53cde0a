using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Authentication;
using WsManSvp.Storage;
using WsManSvp.Virtualization;
using WsManSvp.Virtualization.Indications;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using WsManSvp.WsMan;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.Server.Hosting;

/// <summary>
/// The service assembled and running: Kestrel on the configured URLs, the WS-Man processor over the CIM
/// layer over the profile providers over the chosen hypervisor. Tests start it the same way the run
/// command does.
/// </summary>
public sealed class WsManServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EnumerationContextStore _contexts;
    private readonly ModelIndicationSource _indications;
    private readonly EventingService _eventing;

    private WsManServer(WebApplication app, IHypervisor hypervisor, JobEngine jobs, StateDatabase state, EnumerationContextStore contexts,
        ModelIndicationSource indications, EventingService eventing, Credentials.Choice credentials)
    {
        _app = app;
        _indications = indications;
        _eventing = eventing;
        Hypervisor = hypervisor;
        Jobs = jobs;
        State = state;
        _contexts = contexts;
        CredentialChoice = credentials;
    }

    public Credentials.Choice CredentialChoice { get; }

    public IHypervisor Hypervisor { get; }

    public JobEngine Jobs { get; }

    /// <summary>The state file in the data directory, where the components keep what survives a restart.</summary>
    public StateDatabase State { get; }

    /// <summary>The endpoint URLs actually listened on (ports resolved).</summary>
    public IReadOnlyList<string> Endpoints =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.TrimEnd('/') + WsManEndpoint.Path).ToArray();

    /// <summary>Starts the service with subscriptions served from the model's CIM indications (what the run command does).</summary>
    public static Task<WsManServer> StartAsync(ServerSettings settings, CancellationToken cancellationToken = default) =>
        StartAsync(settings, null, cancellationToken);

    /// <param name="events">
    /// The event source subscriptions are served from; null: the model's CIM indications. Tests give their own to
    /// exercise the protocol with events they control.
    /// </param>
    public static async Task<WsManServer> StartAsync(ServerSettings settings, IEventService? events, CancellationToken cancellationToken = default)
    {
        ListenAddresses.Check(settings);
        Directory.CreateDirectory(settings.DataDirectory);
        var credentials = Credentials.Choose(settings.DataDirectory);
        var certificate = settings.CertificateFile is null ? null : CertificateLoader.Load(settings);
        var maxEnvelope = settings.MaxEnvelopeSizeKb * 1024;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxEnvelope;
            if (certificate is not null) kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var state = StateDatabase.Open(settings.DataDirectory);
        // The backend and the job engine are opened once logging is built, before the first request.
        IHypervisor? hypervisor = null;
        JobEngine? jobs = null;
        ModelInstances? instances = null;
        ModelIndicationSource? indications = null;
        EventingService? eventing = null;
        try
        {
            var repository = CimClassRepository.LoadEmbedded();
            var options = new WsManOptions
            {
                MaxEnvelopeSize = maxEnvelope,
                EnumerationContextLifetime = settings.EnumerationContextLifetime,
                MaxOperationTimeout = settings.MaxOperationTimeout,
                ProductVersion = typeof(WsManServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            };
            var contexts = new EnumerationContextStore(options, TimeProvider.System);
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(contexts);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<WsMan.Resources.IResourceService>(sp => new CimResourceService(new CimOperations(repository,
                VirtualizationProviders.Create(instances!, sp.GetRequiredService<ILoggerFactory>().CreateLogger("WsManSvp.Virtualization")),
                CimNamespaces.All)));
            builder.Services.AddSingleton(sp => new WsManProcessor(sp.GetRequiredService<WsMan.Resources.IResourceService>(), contexts, options,
                TimeProvider.System, sp.GetRequiredService<ILogger<WsManProcessor>>(), eventing));
            builder.Services.AddSingleton(new BasicAuthenticator(credentials.Store, TimeProvider.System));
            builder.Services.AddSingleton(sp => new WsManEndpoint(sp.GetRequiredService<WsManProcessor>(), sp.GetRequiredService<BasicAuthenticator>(), maxEnvelope));

            var app = builder.Build();
            var loggers = app.Services.GetRequiredService<ILoggerFactory>();
            hypervisor = await Backends.CreateAsync(settings, state, loggers, cancellationToken);
            jobs = await JobEngine.OpenAsync(state, new JobSettings { TimeBeforeRemoval = settings.JobTimeBeforeRemoval }, TimeProvider.System,
                loggers.CreateLogger("WsManSvp.Jobs"));
            // One model for the providers and the indication source: the changes the service's own operations make are seen by both.
            instances = new ModelInstances(repository, new ModelSource(hypervisor, jobs));
            var bus = new IndicationBus();
            indications = await ModelIndicationSource.StartAsync(instances, bus, loggers.CreateLogger("WsManSvp.Indications"), cancellationToken);
            eventing = await EventingService.OpenAsync(events ?? new CimEventService(repository, bus), state, settings.Eventing, TimeProvider.System,
                loggers.CreateLogger("WsManSvp.Eventing"));
            var endpoint = app.Services.GetRequiredService<WsManEndpoint>();
            app.Run(endpoint.HandleAsync);
            await app.StartAsync(cancellationToken);
            return new WsManServer(app, hypervisor, jobs, state, contexts, indications, eventing, credentials);
        }
        catch
        {
            if (eventing is not null) await eventing.DisposeAsync();
            if (indications is not null) await indications.DisposeAsync();
            if (jobs is not null) await jobs.DisposeAsync();
            if (hypervisor is not null) await hypervisor.DisposeAsync();
            await state.DisposeAsync();
            throw;
        }
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _contexts.DisposeAsync();
        // Subscriptions are durable: they stop here without SubscriptionEnd and resume at the next start.
        await _eventing.DisposeAsync();
        // The source watches the job engine and the hypervisor, so it stops before them.
        await _indications.DisposeAsync();
        await Jobs.DisposeAsync(); // running jobs end interrupted, recorded before the database closes
        await Hypervisor.DisposeAsync();
        await State.DisposeAsync();
        if (CredentialChoice.Store is IDisposable d) d.Dispose();
        await _app.DisposeAsync();
    }
}
