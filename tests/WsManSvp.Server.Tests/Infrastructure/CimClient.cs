using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// The intrinsic CIM operations a DSP1042 use case performs, each in its WS-Management form (DSP0227):
/// EnumerateInstances and ExecuteQuery as enumerations, AssociatorNames, Associators and References as
/// enumerations of the all-classes URI with the association filter in the object's namespace, GetInstance as
/// a Get built from the EPR, GetClass as a Get of the class-definition resource. Operations that return
/// objects use EnumerateObjectAndEPR, as CIM returns each object with its path. Disposing it disposes the
/// WS-Man client it speaks through.
/// </summary>
public sealed class CimClient(WsManClient client) : IDisposable
{
    public const string Interop = "root/interop";
    public const string Implementation = "root/cimv2";
    public const string ClassDefinitionUri = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";

    /// <summary>EnumerateInstances(ClassName): the class's instances (and its subclasses') with their paths.</summary>
    public Task<List<NamedInstance>> EnumerateInstancesAsync(string className, string @namespace) =>
        client.NamedAsync(new Enumeration(Envelopes.ClassUri(className), Namespace: @namespace));

    /// <summary>ExecuteQuery("CIM:CQL", Query): a CQL filter on the all-classes URI.</summary>
    public Task<List<NamedInstance>> ExecuteQueryAsync(string query, string @namespace) =>
        client.NamedAsync(Enumeration.AllClasses(Filters.Cql(query), @namespace: @namespace));

    /// <summary>AssociatorNames(ObjectName, AssocClass, ResultClass, Role, ResultRole): the associated instances' EPRs.</summary>
    public Task<List<Epr>> AssociatorNamesAsync(Epr objectName, string assocClass, string resultClass, string? role = null, string? resultRole = null) =>
        client.EprsAsync(From(objectName, Filters.AssociatedInstances(objectName, assocClass, role, resultClass, resultRole)));

    /// <summary>Associators(ObjectName, AssocClass, ResultClass): the associated instances with their paths.</summary>
    public Task<List<NamedInstance>> AssociatorsAsync(Epr objectName, string assocClass, string resultClass) =>
        client.NamedAsync(From(objectName, Filters.AssociatedInstances(objectName, assocClass, resultClass: resultClass)));

    /// <summary>References(ObjectName, ResultClass): the association instances naming the object, with their paths.</summary>
    public Task<List<NamedInstance>> ReferencesAsync(Epr objectName, string resultClass) =>
        client.NamedAsync(From(objectName, Filters.AssociationInstances(objectName, resultClass)));

    /// <summary>GetInstance(InstanceName): a Get addressed exactly as the EPR says.</summary>
    public async Task<NamedInstance> GetInstanceAsync(Epr instanceName) =>
        new((await client.GetAsync(instanceName)).AssertOk().Content, instanceName);

    /// <summary>GetClass(ClassName): the DSP0201 CLASS element of the class-definition resource.</summary>
    public async Task<XElement> GetClassAsync(string className, string @namespace) =>
        (await client.PostAsync(Envelopes.Build(Envelopes.Get, ClassDefinitionUri,
            [("ClassName", className), ("__cimnamespace", @namespace)]))).AssertOk().Content;

    /// <summary>ModifyInstance(ModifiedInstance): a WS-Transfer Put of the instance element to the EPR; the reply, fault or not.</summary>
    public Task<WsManReply> PutAsync(Epr instanceName, XElement modifiedInstance) =>
        client.PostAsync(Envelopes.Build(Envelopes.Put, instanceName.ResourceUri, body: modifiedInstance.ToString(SaveOptions.DisableFormatting),
            extraHeaders: instanceName.SelectorSet.ToString(SaveOptions.DisableFormatting)));

    /// <summary>A Get whose reply may be a fault (an instance that may no longer exist).</summary>
    public Task<WsManReply> GetRawAsync(Epr instanceName) => client.GetAsync(instanceName);

    /// <summary>InvokeMethod(ObjectName, Method, parameters): the custom action on the EPR's resource; the reply must be a success.</summary>
    public async Task<MethodResult> InvokeMethodAsync(Epr objectName, MethodCall call) =>
        new((await InvokeRawAsync(objectName, call)).AssertOk().Content);

    /// <summary>The reply to a method call, fault or not.</summary>
    public Task<WsManReply> InvokeRawAsync(Epr objectName, MethodCall call) =>
        client.PostAsync(Envelopes.Build(objectName.ResourceUri + "/" + call.Method, objectName.ResourceUri, body: call.Body(objectName.ResourceUri),
            extraHeaders: objectName.SelectorSet.ToString(SaveOptions.DisableFormatting)));

    /// <summary>
    /// Polls a job with Get every <paramref name="interval"/> (as clients do, DSP1042 8.1.2) until it finishes;
    /// returns every state seen, the last one finished.
    /// </summary>
    public async Task<List<XElement>> PollJobAsync(Epr job, TimeSpan? interval = null, TimeSpan? timeout = null)
    {
        var seen = new List<XElement>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = (await client.GetAsync(job)).AssertOk().Content;
            seen.Add(instance);
            if (int.Parse(instance.Element(instance.Name.Namespace + "JobState")!.Value) is >= 7 and <= 10) return seen;
            Assert.True(DateTime.UtcNow < deadline, $"Job {job} did not finish in time; last seen:\n{instance}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }

    public void Dispose() => client.Dispose();

    private static Enumeration From(Epr objectName, XElement filter) =>
        Enumeration.AllClasses(filter, @namespace: objectName.Namespace ?? Implementation);
}
