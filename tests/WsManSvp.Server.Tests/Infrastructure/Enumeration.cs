using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// An Enumerate request on any resource URI (a class, the all-classes URI, class definitions): its filter,
/// EnumerationMode, wsmb:PolymorphismMode and the __cimnamespace selector, each only when given.
/// </summary>
public sealed record Enumeration(string ResourceUri, XElement? Filter = null, string? Mode = null, string? Polymorphism = null, string? Namespace = null)
{
    public static Enumeration OfClass(string className, XElement? filter = null, string? polymorphism = null) =>
        new(Envelopes.ClassUri(className), filter, Polymorphism: polymorphism);

    public static Enumeration AllClasses(XElement filter, string? mode = null, string? @namespace = null) =>
        new(Filters.AllClassesUri, filter, mode, Namespace: @namespace);

    /// <summary>The Enumerate envelope; optimized (items in the response) when <paramref name="optimize"/> gives MaxElements.</summary>
    public string Envelope(int? optimize = null) => Build(Envelopes.Enumerate, new XElement(Ns.Wsen + "Enumerate",
        optimize is null ? null : new XElement(Ns.WsMan + "OptimizeEnumeration"),
        optimize is null ? null : new XElement(Ns.WsMan + "MaxElements", optimize),
        Mode is null ? null : new XElement(Ns.WsMan + "EnumerationMode", Mode),
        Filter,
        Polymorphism is null ? null : new XElement(Filters.Wsmb + "PolymorphismMode", Polymorphism)));

    public string PullEnvelope(string context, int maxElements) => Build(Envelopes.Pull, new XElement(Ns.Wsen + "Pull",
        new XElement(Ns.Wsen + "EnumerationContext", context),
        new XElement(Ns.Wsen + "MaxElements", maxElements)));

    /// <summary>The body declares the envelope's prefixes again so that it is written with them, as clients write it.</summary>
    private string Build(string action, XElement body)
    {
        body.Add(new XAttribute(XNamespace.Xmlns + "wsa", Ns.Wsa), new XAttribute(XNamespace.Xmlns + "wsman", Ns.WsMan),
            new XAttribute(XNamespace.Xmlns + "wsen", Ns.Wsen), new XAttribute(XNamespace.Xmlns + "wsmb", Filters.Wsmb));
        return Envelopes.Build(action, ResourceUri, Namespace is null ? null : [("__cimnamespace", Namespace)],
            body.ToString(SaveOptions.DisableFormatting));
    }
}

/// <summary>Sending <see cref="Enumeration"/>s and reading them whole; Get addressed by an EPR.</summary>
public static class EnumerationRequests
{
    public static Task<WsManReply> EnumerateAsync(this WsManClient client, Enumeration enumeration, int? optimize = null) =>
        client.PostAsync(enumeration.Envelope(optimize));

    /// <summary>Every item, read as a client does: Enumerate (optimized or not), then Pull until EndOfSequence.</summary>
    public static async Task<List<XElement>> ItemsAsync(this WsManClient client, Enumeration enumeration, int? optimize = null, int pullMax = 25)
    {
        var response = (await client.EnumerateAsync(enumeration, optimize)).AssertOk().Content;
        var items = response.Element(Ns.WsMan + "Items")?.Elements().ToList() ?? [];
        if (response.Element(Ns.WsMan + "EndOfSequence") is not null) return items;
        var context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        while (true)
        {
            var pull = (await client.PostAsync(enumeration.PullEnvelope(context, pullMax))).AssertOk().Content;
            items.AddRange(pull.Element(Ns.Wsen + "Items")?.Elements() ?? []);
            if (pull.Element(Ns.Wsen + "EndOfSequence") is not null) return items;
            context = pull.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
    }

    /// <summary>The EPRs of an EnumerateEPR enumeration.</summary>
    public static async Task<List<Epr>> EprsAsync(this WsManClient client, Enumeration enumeration) =>
        (await client.ItemsAsync(enumeration with { Mode = "EnumerateEPR" })).Select(Epr.From).ToList();

    /// <summary>The instances of an EnumerateObjectAndEPR enumeration, with their EPRs.</summary>
    public static async Task<List<NamedInstance>> NamedAsync(this WsManClient client, Enumeration enumeration) =>
        (await client.ItemsAsync(enumeration with { Mode = "EnumerateObjectAndEPR" })).Select(NamedInstance.FromItem).ToList();

    /// <summary>A Get addressed exactly as the EPR says: its resource URI and selector set (nested EPRs included).</summary>
    public static Task<WsManReply> GetAsync(this WsManClient client, Epr epr) =>
        client.PostAsync(Envelopes.Build(Envelopes.Get, epr.ResourceUri, extraHeaders: epr.SelectorSet.ToString(SaveOptions.DisableFormatting)));
}
