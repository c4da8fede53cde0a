using System.Xml;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Operations;

/// <summary>Custom actions (DSP0226 clause 9): here, CIM methods; the reply action is the request's plus "Response".</summary>
public static class InvokeOperation
{
    public static async ValueTask RunAsync(OperationContext ctx, IResourceService resources, XmlReader body)
    {
        var action = ctx.Headers.Action!;
        var request = ctx.ResourceRequest();
        var call = resources.ReadMethodCall(request, action, body);
        EnvelopeReader.ReadToEnd(body);
        ctx.BeginReply(Actions.ResponseTo(action));
        await resources.InvokeAsync(request, call, ctx.Writer).ConfigureAwait(false);
        ctx.EndReply();
    }
}
