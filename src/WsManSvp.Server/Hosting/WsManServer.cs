using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Authentication;
using WsManSvp.Storage;
using WsManSvp.Virtualization;
using WsManSvp.WsMan;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;

namespace WsManSvp.Server.Hosting;

/// <summary>
/// The service assembled and running: Kestrel on the configured URLs, the WS-Man processor over the CIM
/// layer over the profile providers over the chosen hypervisor. Tests start it the same way the run
/// command does.
/// </summary>
public sealed class WsManServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IHypervisor _hypervisor;
    private readonly EnumerationContextStore _contexts;

    private WsManServer(WebApplication app, StateDatabase state, IHypervisor hypervisor, EnumerationContextStore contexts, Credentials.Choice credentials)
    {
        _app = app;
        State = state;
        _hypervisor = hypervisor;
        _contexts = contexts;
        CredentialChoice = credentials;
    }

    public Credentials.Choice CredentialChoice { get; }

    public IHypervisor Hypervisor => _hypervisor;

    /// <summary>The state file in the data directory, where the components keep what survives a restart.</summary>
    public StateDatabase State { get; }

    /// <summary>The endpoint URLs actually listened on (ports resolved).</summary>
    public IReadOnlyList<string> Endpoints =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.TrimEnd('/') + WsManEndpoint.Path).ToArray();

    public static async Task<WsManServer> StartAsync(ServerSettings settings, CancellationToken cancellationToken = default)
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
        IHypervisor? hypervisor = null;
        try
        {
            hypervisor = await Backends.CreateAsync(settings, state, cancellationToken);
            var repository = CimClassRepository.LoadEmbedded();
            var cim = new CimOperations(repository, VirtualizationProviders.Create(hypervisor, repository), CimNamespaces.All);
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
            builder.Services.AddSingleton<WsMan.Resources.IResourceService>(new CimResourceService(cim));
            builder.Services.AddSingleton<WsManProcessor>();
            builder.Services.AddSingleton(new BasicAuthenticator(credentials.Store, TimeProvider.System));
            builder.Services.AddSingleton(sp => new WsManEndpoint(sp.GetRequiredService<WsManProcessor>(), sp.GetRequiredService<BasicAuthenticator>(), maxEnvelope));

            var app = builder.Build();
            var endpoint = app.Services.GetRequiredService<WsManEndpoint>();
            app.Run(endpoint.HandleAsync);
            await app.StartAsync(cancellationToken);
            return new WsManServer(app, state, hypervisor, contexts, credentials);
        }
        catch
        {
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
        await _hypervisor.DisposeAsync();
        await State.DisposeAsync();
        if (CredentialChoice.Store is IDisposable d) d.Dispose();
        await _app.DisposeAsync();
    }
}
