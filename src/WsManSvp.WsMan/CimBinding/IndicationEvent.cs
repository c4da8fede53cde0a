using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// An indication as an event: its instance (what filters test) and its XML (DSP0230, DMTF resource URIs), written
/// once for every subscriber, with the namespaces the writer's prefixes need declared on the root element.
/// </summary>
internal sealed class IndicationEvent : IEvent
{
    private IndicationEvent(PublishedIndication published, ReadOnlyMemory<byte> body, string resourceUri, DateTimeOffset time)
    {
        Published = published;
        Body = body;
        ResourceUri = resourceUri;
        Time = time;
    }

    public PublishedIndication Published { get; }

    public CimInstance Indication => Published.Indication;

    public ReadOnlyMemory<byte> Body { get; }

    public string ResourceUri { get; }

    public DateTimeOffset Time { get; }

    public static IndicationEvent Of(PublishedIndication published, TimeProvider time)
    {
        var indication = published.Indication;
        var uris = ResourceUriScheme.Dmtf;
        using var w = new Utf8XmlWriter(2048);
        w.Start("p", indication.Class.Name);
        w.Attribute("xmlns:p"u8, uris.ForClass(indication.Class.Name, indication.Namespace));
        w.Attribute("xmlns:xsi"u8, XmlNs.Xsi);
        w.Attribute("xmlns:cim"u8, XmlNs.CimCommon);
        w.Attribute("xmlns:wsa"u8, XmlNs.Addressing);
        w.Attribute("xmlns:wsman"u8, XmlNs.WsMan);
        foreach (var property in indication.Class.XmlOrder)
            CimXmlWriter.WriteProperty(w, CimXmlWriter.ClassPrefix, property.Utf8Name, indication[property], uris);
        w.End("p", indication.Class.Name);
        var when = indication.Class.GetProperty("IndicationTime") is { } p && indication[p] is { IsNull: false } t && t.AsDateTime() is { IsInterval: false } at
            ? at.Timestamp
            : time.GetUtcNow();
        return new IndicationEvent(published, w.WrittenMemory.ToArray(), uris.ForClass(indication.Class.Name, indication.Namespace), when);
    }
}
