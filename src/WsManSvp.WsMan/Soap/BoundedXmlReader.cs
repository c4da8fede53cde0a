using System.Xml;

namespace WsManSvp.WsMan.Soap;

/// <summary>
/// Wraps a reader to refuse documents nested deeper, or holding more elements, than the limits allow,
/// wherever in the envelope they are (including subtrees that are only skipped).
/// </summary>
internal sealed class BoundedXmlReader(XmlReader inner, int maxDepth, int maxElements) : XmlReader, IXmlLineInfo
{
    private int _elements;

    public override bool Read()
    {
        if (!inner.Read()) return false;
        if (inner.NodeType == XmlNodeType.Element)
        {
            if (++_elements > maxElements)
                throw new XmlException($"The request has more than {maxElements} elements.", null, LineNumber, LinePosition);
            if (inner.Depth >= maxDepth)
                throw new XmlException($"The request nests elements deeper than {maxDepth} levels.", null, LineNumber, LinePosition);
        }
        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override string XmlLang => inner.XmlLang;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    public bool HasLineInfo() => inner is IXmlLineInfo { } li && li.HasLineInfo();
    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;
    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
