namespace WsManSvp.Cim.Xml;

/// <summary>XML content that does not fit the class or method it is read against; names what and where.</summary>
public sealed class CimXmlException(string message, string? name = null, bool isUnknownName = false) : Exception(message)
{
    /// <summary>The property or parameter at fault, when there is one.</summary>
    public string? Name { get; } = name;

    /// <summary>True when the name itself is unknown (not its value wrong).</summary>
    public bool IsUnknownName { get; } = isUnknownName;
}
