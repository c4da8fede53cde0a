using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>Reads a whole enumeration the way a client does: Enumerate, then Pull until EndOfSequence.</summary>
public static class Enumerations
{
    public static async Task<List<XElement>> EnumerateAllAsync(this WsManClient client, string className, int maxElements = 1, string enumerateChildren = "")
    {
        var items = new List<XElement>();
        var reply = (await client.EnumerateAsync(className, enumerateChildren)).AssertOk();
        var context = reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
        while (true)
        {
            var pull = (await client.PullAsync(className, context, $"<wsen:MaxElements>{maxElements}</wsen:MaxElements>")).AssertOk();
            var response = pull.Content;
            items.AddRange(response.Element(Ns.Wsen + "Items")!.Elements());
            if (response.Element(Ns.Wsen + "EndOfSequence") is not null) return items;
            context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
    }

    /// <summary>The value of a property element of an instance.</summary>
    public static string? Prop(this XElement instance, string name) =>
        instance.Element(instance.Name.Namespace + name)?.Value;
}
