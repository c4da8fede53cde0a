using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>EPRs of the model's instances, named as docs/MODEL.md names them (keys and InstanceIDs).</summary>
public static class ModelEprs
{
    public const string Implementation = "root/cimv2";
    public const string Interop = "root/interop";

    public static Epr Host => System(ServerFixture.HostName);

    /// <summary>A computer system: the host by its name, a virtual system by its UUID.</summary>
    public static Epr System(string name) =>
        Of("CIM_ComputerSystem", Implementation, ("CreationClassName", "CIM_ComputerSystem"), ("Name", name));

    /// <summary>A primordial pool, e.g. Pool("Memory", "host").</summary>
    public static Epr Pool(string kind, string name) =>
        Of("CIM_ResourcePool", Implementation, ("InstanceID", $"WsManSvp:Pool/{kind}/{name}"));

    /// <summary>A resource allocation of a system's Defined configuration (or State, when <paramref name="state"/>).</summary>
    public static Epr Allocation(string uuid, string resource, bool state = false) =>
        Of("CIM_ResourceAllocationSettingData", Implementation,
            ("InstanceID", $"WsManSvp:{uuid}{(state ? ":State" : "")}/{resource}"));

    public static Epr Profile(string instanceId) => Of("CIM_RegisteredProfile", Interop, ("InstanceID", instanceId));

    public static Epr Of(string className, string @namespace, params (string Name, string Value)[] keys) =>
        Of(className, keys.Append((Name: "__cimnamespace", Value: @namespace))
            .Select(k => new XElement(Ns.WsMan + "Selector", new XAttribute("Name", k.Name), k.Value)));

    /// <summary>An association instance, named by its references (DSP0227 7.2: each selector holds the EPR of one end).</summary>
    public static Epr Association(string className, string @namespace, params (string Role, Epr End)[] references) =>
        Of(className, references
            .Select(r => new XElement(Ns.WsMan + "Selector", new XAttribute("Name", r.Role), r.End.As(Ns.Wsa + "EndpointReference")))
            .Append(new XElement(Ns.WsMan + "Selector", new XAttribute("Name", "__cimnamespace"), @namespace)));

    private static Epr Of(string className, IEnumerable<XElement> selectors) =>
        Epr.From(new XElement(Ns.Wsa + "EndpointReference",
            new XElement(Ns.Wsa + "Address", Envelopes.Anonymous),
            new XElement(Ns.Wsa + "ReferenceParameters",
                new XElement(Ns.WsMan + "ResourceURI", Envelopes.ClassUri(className)),
                new XElement(Ns.WsMan + "SelectorSet", selectors))));
}
