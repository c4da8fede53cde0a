using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Operations;

/// <summary>
/// WS-Transfer Put (DSP0226 7.3): the body is the new representation of the resource; the reply carries the
/// representation after the update (which DSP0226 lets a service omit when it is unchanged; Windows always
/// sends it, and so does this service). Fragments are supported for Get only: the processor refuses them here.
/// </summary>
public static class PutOperation
{
    public static async ValueTask RunAsync(OperationContext ctx, IResourceService resources, XmlReader body)
    {
        var request = ctx.ResourceRequest();
        if (body.NodeType != XmlNodeType.Element)
            throw Fault.InvalidRepresentation("MissingValues", "A Put carries the new representation of the resource in its body, which is empty.").ToException();
        var update = resources.ReadPut(request, body);
        if (body.NextChildElement())
            throw Fault.InvalidRepresentation("InvalidValues", $"A Put carries one representation; {body.Name} follows it in the body.").ToException();
        EnvelopeReader.ReadToEnd(body);
        ctx.BeginReply(Actions.ResponseTo(Actions.Put));
        await resources.PutAsync(request, update, ctx.Writer).ConfigureAwait(false);
        ctx.EndReply();
    }
}
