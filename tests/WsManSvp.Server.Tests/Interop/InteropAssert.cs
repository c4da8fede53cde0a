using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>Assertions the replay tests share: the host instance, IdentifyResponse, instance-with-EPR items.</summary>
public static class InteropAssert
{
    public const string ComputerSystem = "CIM_ComputerSystem";
    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    /// <summary>A GetResponse whose body is the host's CIM_ComputerSystem instance.</summary>
    public static void IsHostGetResponse(WsManReply reply)
    {
        reply.AssertOk();
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        IsHost(Assert.Single(reply.Body.Elements()));
    }

    public static void IsHost(XElement instance)
    {
        Assert.Equal(Ns.Class(ComputerSystem) + ComputerSystem, instance.Name);
        Assert.Equal(ServerFixture.HostName, instance.Prop("Name"));
        Assert.Equal(ComputerSystem, instance.Prop("CreationClassName"));
        Assert.Equal("Other", instance.Prop("NameFormat"));
        Assert.Equal("2", instance.Prop("EnabledState"));
    }

    /// <summary>An IdentifyResponse envelope as an authenticated caller sees it: versions and the Basic security profile.</summary>
    public static void IsAuthenticatedIdentify(XDocument envelope)
    {
        Assert.Null(envelope.Root!.Element(Ns.S + "Header")?.Element(Ns.Wsa + "Action"));
        var identify = Assert.Single(envelope.Root.Element(Ns.S + "Body")!.Elements());
        Assert.Equal(Ns.Wsmid + "IdentifyResponse", identify.Name);
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", identify.Element(Ns.Wsmid + "ProtocolVersion")?.Value);
        Assert.Equal("WsManSvp", identify.Element(Ns.Wsmid + "ProductVendor")?.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+$", identify.Element(Ns.Wsmid + "ProductVersion")?.Value ?? "");
        Assert.Contains("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic",
            identify.Elements(Ns.Wsmid + "SecurityProfiles").Elements(Ns.Wsmid + "SecurityProfileName").Select(e => e.Value));
    }

    /// <summary>A wsman:Item holding a CIM_ComputerSystem and then its EPR, whose selectors name that instance.</summary>
    public static XElement IsInstanceAndEpr(XElement item)
    {
        Assert.Equal(Ns.WsMan + "Item", item.Name);
        var children = item.Elements().ToArray();
        Assert.Equal(2, children.Length);
        var (instance, epr) = (children[0], children[1]);
        Assert.Equal(Ns.Class(ComputerSystem) + ComputerSystem, instance.Name);
        Assert.Equal(Ns.Wsa + "EndpointReference", epr.Name);
        Assert.Equal(Anonymous, epr.Element(Ns.Wsa + "Address")?.Value);
        var parameters = epr.Element(Ns.Wsa + "ReferenceParameters")!;
        Assert.Equal(Envelopes.ClassUri(ComputerSystem), parameters.Element(Ns.WsMan + "ResourceURI")?.Value);
        var selectors = parameters.Element(Ns.WsMan + "SelectorSet")!.Elements(Ns.WsMan + "Selector")
            .ToDictionary(s => (string)s.Attribute("Name")!, s => s.Value);
        Assert.Equal(instance.Prop("Name"), selectors["Name"]);
        Assert.Equal(ComputerSystem, selectors["CreationClassName"]);
        Assert.Equal("root/cimv2", selectors["__cimnamespace"]);
        return instance;
    }
}
