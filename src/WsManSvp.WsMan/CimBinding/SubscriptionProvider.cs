using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// DSP1054's view of the WS-Eventing subscriptions: CIM_IndicationFilter, CIM_ListenerDestinationWSManagement and
/// CIM_IndicationSubscription in the interop namespace, read-only, built from the eventing layer's
/// <see cref="ISubscriptionDirectory"/>. It lives in the binding because it joins the two layers: the CIM layer
/// knows nothing of WS-Eventing, and the eventing machinery nothing of CIM.
/// A caller sees only its own subscriptions, as the protocol scopes them (another's is AccessDenied to
/// Renew, GetStatus, Unsubscribe): listing others' would disclose their sinks and filters.
/// </summary>
public sealed class SubscriptionProvider : ICimProvider
{
    private readonly ISubscriptionDirectory _directory;
    private readonly Func<CancellationToken, ValueTask<string>> _hostName;
    private readonly SubscriptionInstances _instances;

    /// <param name="hostName">The name of the host system (CIM_ComputerSystem.Name) that scopes the filters and destinations.</param>
    public SubscriptionProvider(ISubscriptionDirectory directory, CimClassRepository repository, string interopNamespace,
        Func<CancellationToken, ValueTask<string>> hostName, TimeProvider? time = null)
    {
        _directory = directory;
        _hostName = hostName;
        _instances = new SubscriptionInstances(repository, interopNamespace, time ?? TimeProvider.System);
        Classes =
        [
            new ProvidedClass(interopNamespace, SubscriptionInstances.FilterClass),
            new ProvidedClass(interopNamespace, SubscriptionInstances.DestinationClass),
            new ProvidedClass(interopNamespace, SubscriptionInstances.SubscriptionClass),
        ];
    }

    public IReadOnlyList<ProvidedClass> Classes { get; }

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        var id = IdOf(path);
        if (id is null || _directory.FindSubscription(id, context.UserName) is not { } s) return null;
        var instance = Build(path.ClassName, s, await _hostName(context.CancellationToken).ConfigureAwait(false));
        return Denotes(instance.GetPath(), path) ? instance : null;
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var subscriptions = _directory.SubscriptionsOf(context.UserName);
        if (subscriptions.Count == 0) yield break;
        var hostName = await _hostName(context.CancellationToken).ConfigureAwait(false);
        foreach (var s in subscriptions) yield return Build(cls.ClassName, s, hostName);
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, $"{target.ClassName}.{method.Name} is not implemented.");

    public ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, ReadOnlyReason(modified.Class.Name));

    /// <summary>Why these classes cannot be created, modified or deleted through CIM operations.</summary>
    public static string ReadOnlyReason(string className) =>
        $"{className} instances reflect WS-Eventing subscriptions: they are made with wse:Subscribe, changed with wse:Renew and ended with wse:Unsubscribe.";

    private CimInstance Build(string className, SubscriptionFacts s, string hostName) => className switch
    {
        _ when Is(className, SubscriptionInstances.FilterClass) => _instances.Filter(s, hostName),
        _ when Is(className, SubscriptionInstances.DestinationClass) => _instances.Destination(s, hostName),
        _ => _instances.Subscription(s, hostName),
    };

    /// <summary>The subscription an instance path names: its Name key, or for the association its filter's.</summary>
    private static string? IdOf(CimObjectPath path) =>
        Is(path.ClassName, SubscriptionInstances.SubscriptionClass)
            ? path.GetKey("Filter") is { IsNull: false, Type: CimType.Reference } filter ? filter.AsReference().StringKey("Name") : null
            : path.StringKey("Name");

    /// <summary>Whether the asked path's keys (references compared by their own keys) are those of the built one.</summary>
    private static bool Denotes(CimObjectPath built, CimObjectPath asked)
    {
        if (!Is(built.ClassName, asked.ClassName)) return false;
        foreach (var key in asked.Keys)
        {
            if (built.GetKey(key.Name) is not { } value) return false;
            var matches = value.Type == CimType.Reference && key.Value is { Type: CimType.Reference, IsNull: false }
                ? Denotes(value.AsReference(), key.Value.AsReference())
                : CimObjectPath.KeyValuesMatch(value, key.Value);
            if (!matches) return false;
        }
        return true;
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

}
