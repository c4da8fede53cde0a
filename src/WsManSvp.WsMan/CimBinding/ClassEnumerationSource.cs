using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>Class definitions enumerated (the class repository is in memory; nothing to stream from).</summary>
internal sealed class ClassEnumerationSource(IEnumerable<CimClass> classes) : IEnumerationSource
{
    private readonly IEnumerator<CimClass> _classes = classes.GetEnumerator();

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_classes.MoveNext());

    public void WriteCurrent(Utf8XmlWriter writer, EnumerationMode mode)
    {
        var cls = _classes.Current;
        if (mode != EnumerationMode.EnumerateEPR && mode != EnumerationMode.EnumerateObjectAndEPR)
        {
            ClassDefinitionXml.Write(writer, cls);
            return;
        }
        if (mode == EnumerationMode.EnumerateObjectAndEPR)
        {
            writer.Start("wsman:Item"u8);
            ClassDefinitionXml.Write(writer, cls);
        }
        writer.Start("wsa:EndpointReference"u8);
        writer.Element("wsa:Address"u8, XmlNs.AnonymousAddress);
        writer.Start("wsa:ReferenceParameters"u8);
        writer.Element("wsman:ResourceURI"u8, ClassResource.Uri);
        writer.Start("wsman:SelectorSet"u8);
        writer.Start("wsman:Selector"u8);
        writer.AttributeRaw("Name"u8, "ClassName"u8);
        writer.Text(cls.Name);
        writer.End("wsman:Selector"u8);
        writer.End("wsman:SelectorSet"u8);
        writer.End("wsa:ReferenceParameters"u8);
        writer.End("wsa:EndpointReference"u8);
        if (mode == EnumerationMode.EnumerateObjectAndEPR) writer.End("wsman:Item"u8);
    }

    public ValueTask DisposeAsync()
    {
        _classes.Dispose();
        return ValueTask.CompletedTask;
    }
}
