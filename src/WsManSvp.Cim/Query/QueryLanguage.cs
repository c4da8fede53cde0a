namespace WsManSvp.Cim.Query;

/// <summary>The query dialects a WS-Man enumeration filter (DSP0227) or an indication filter may be written in.</summary>
public enum QueryLanguage
{
    /// <summary>WMI's WQL, as Windows and WinRM speak it.</summary>
    Wql,

    /// <summary>The DMTF CIM Query Language (DSP0202).</summary>
    Cql,
}
