namespace WsManSvp.WsMan.CimBinding;

/// <summary>The filter dialects the CIM binding understands (DSP0226 Annex E, DSP0227 clause 8).</summary>
public static class FilterDialects
{
    public const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public const string Cql = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    public const string Association = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    public const string Selector = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";

    public static readonly string[] All = [Wql, Cql, Association, Selector];
}
