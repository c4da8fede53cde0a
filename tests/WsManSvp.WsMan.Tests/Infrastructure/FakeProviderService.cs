using System.Text;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>The protocol layer and CIM binding over the project's class declarations and providers a test gives.</summary>
public sealed class FakeProviderService : IAsyncDisposable
{
    public static CimClassRepository Repository { get; } = CimClassRepository.LoadEmbedded();

    private readonly WsManProcessor _processor;
    private readonly EnumerationContextStore _contexts;

    public FakeProviderService(params ICimProvider[] providers)
    {
        var options = new WsManOptions();
        _contexts = new EnumerationContextStore(options, TimeProvider.System);
        var cim = new CimOperations(Repository, providers, ["root/cimv2", "root/interop"]);
        _processor = new WsManProcessor(new CimResourceService(cim), _contexts, options, TimeProvider.System, new CapturingLogger<WsManProcessor>());
    }

    public static CimInstance New(string className, string @namespace = "root/cimv2") =>
        new(Repository.GetClass(className) ?? throw new InvalidOperationException($"{className} is not declared."), @namespace);

    public async Task<Reply> SendAsync(Request request)
    {
        using var response = await _processor.ProcessAsync(Encoding.UTF8.GetBytes(request.Build()), TestService.Alice, CancellationToken.None);
        return new Reply(response);
    }

    public ValueTask DisposeAsync() => _contexts.DisposeAsync();
}
