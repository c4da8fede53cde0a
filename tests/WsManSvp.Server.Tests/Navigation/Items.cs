using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>Reading enumerated items, whole instances and wsman:XmlFragment projections alike; asserting filter faults.</summary>
public static class Items
{
    /// <summary>A property's value in an instance or a fragment; null when absent.</summary>
    public static string? Value(this XElement item, string property) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == property)?.Value;

    /// <summary>The ElementNames of the items, sorted.</summary>
    public static string[] ElementNames(IEnumerable<XElement> items) =>
        items.Select(i => i.Value("ElementName") ?? "").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Space-separated words as an array: expectations written compactly in InlineData.</summary>
    public static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts a projection: a wsman:XmlFragment holding exactly these property elements, in this order.</summary>
    public static void IsFragment(XElement item, XNamespace classNamespace, params string[] properties)
    {
        Assert.Equal(Ns.WsMan + "XmlFragment", item.Name);
        Assert.Equal(properties.Select(p => classNamespace + p), item.Elements().Select(e => e.Name));
    }

    /// <summary>Asserts the reply is wsen:CannotProcessFilter, sent as an enumeration fault, whose reason says <paramref name="reason"/>.</summary>
    public static void IsCannotProcessFilter(WsManReply reply, string reason)
    {
        reply.AssertFault("wsen:CannotProcessFilter");
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault", reply.Action);
        Assert.Contains(reason, reply.Reason);
    }
}
