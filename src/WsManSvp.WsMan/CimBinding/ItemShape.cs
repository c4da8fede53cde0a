using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// How each enumerated instance is written: whole (the default), as a superclass (PolymorphismMode
/// ExcludeSubClassProperties), or projected to some properties in a wsman:XmlFragment (a WQL/CQL select
/// list, IncludeResultProperty).
/// </summary>
internal sealed record ItemShape(CimClass? AsClass, IReadOnlySet<string>? Properties)
{
    public static readonly ItemShape Whole = new(null, null);

    public void Write(Utf8XmlWriter w, CimInstance instance, ResourceUriScheme uris)
    {
        if (Properties is not null) CimXmlWriter.WriteFragment(w, instance, Properties, uris);
        else if (AsClass is not null) CimXmlWriter.WriteInstanceAs(w, instance, AsClass, uris);
        else CimXmlWriter.WriteInstance(w, instance, uris);
    }
}
