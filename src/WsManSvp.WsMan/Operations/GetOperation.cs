using System.Xml;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Operations;

/// <summary>WS-Transfer Get (DSP0226 clause 7), with FragmentTransfer.</summary>
public static class GetOperation
{
    public static async ValueTask RunAsync(OperationContext ctx, IResourceService resources, XmlReader body)
    {
        var fragment = ctx.Headers.FragmentTransfer is { } expression
            ? new FragmentExpression(expression, ctx.Headers.FragmentDialect)
            : null;
        var request = ctx.ResourceRequest();
        EnvelopeReader.ReadToEnd(body);
        ctx.BeginReply(Actions.ResponseTo(Actions.Get));
        await resources.GetAsync(request, fragment, ctx.Writer).ConfigureAwait(false);
        ctx.EndReply();
    }
}
