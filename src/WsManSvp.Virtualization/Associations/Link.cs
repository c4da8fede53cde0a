using WsManSvp.Cim.Model;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Associations;

/// <summary>One association instance between two model elements, with the association's own property values.</summary>
public sealed record Link(ModelElement From, ModelElement To, Action<CimInstance>? Properties = null);
