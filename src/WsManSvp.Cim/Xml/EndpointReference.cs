namespace WsManSvp.Cim.Xml;

/// <summary>A wsman:Selector: a text value, or (for reference keys) an endpoint reference.</summary>
public sealed record Selector(string Name, string? Value, EndpointReference? Reference);

/// <summary>A WS-Addressing endpoint reference as WS-Management uses it: address, resource URI, selectors.</summary>
public sealed record EndpointReference(string Address, string? ResourceUri, IReadOnlyList<Selector> Selectors);
