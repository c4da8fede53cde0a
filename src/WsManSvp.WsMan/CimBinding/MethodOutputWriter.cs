using System.Text;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Writes a method's output element (DSP0227 clause 9): METHOD_OUTPUT in the resource's namespace, holding
/// ReturnValue and the OUT parameters set, in the alphabetical order of the method's output schema.
/// </summary>
internal static class MethodOutputWriter
{
    public static void Write(Utf8XmlWriter w, string classUri, CimMethod method, CimMethodResult result, ResourceUriScheme uris)
    {
        var element = method.Name + "_OUTPUT";
        w.Start("p", element);
        w.Attribute("xmlns:p"u8, classUri);
        var outputs = result.OutParameters
            .Where(p => method.GetParameter(p.Key) is { IsOut: true })
            .Select(p => (Name: method.GetParameter(p.Key)!.Name, p.Value))
            .Append((Name: "ReturnValue", Value: result.ReturnValue))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in outputs)
            CimXmlWriter.WriteProperty(w, CimXmlWriter.ClassPrefix, Encoding.UTF8.GetBytes(name), value, uris);
        w.End("p", element);
    }
}
