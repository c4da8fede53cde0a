using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Indications;

/// <summary>A model instance with its object path's text, which identifies it across before and after.</summary>
internal sealed record KeyedInstance(string Path, CimInstance Instance)
{
    public static KeyedInstance Of(CimInstance instance) => new(instance.GetPath().ToString(), instance);
}
