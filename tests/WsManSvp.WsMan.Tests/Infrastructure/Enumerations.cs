using System.Xml.Linq;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>One batch of an enumeration as a reply carries it.</summary>
public sealed record Batch(Reply Reply, IReadOnlyList<XElement> Items, XElement? Context, bool EndOfSequence)
{
    public string? ContextId => Context?.Value is { Length: > 0 } id ? id : null;

    /// <summary>The items of an EnumerateResponse (wsman:Items, wsman:EndOfSequence).</summary>
    public static Batch FromEnumerate(Reply reply)
    {
        reply.AssertOk();
        var response = reply.Content;
        Assert.Equal(Ns.Wsen + "EnumerateResponse", response.Name);
        return new Batch(reply,
            response.Element(Ns.WsMan + "Items")?.Elements().ToList() ?? [],
            response.Element(Ns.Wsen + "EnumerationContext"),
            response.Element(Ns.WsMan + "EndOfSequence") is not null);
    }

    /// <summary>The items of a PullResponse (wsen:Items, wsen:EndOfSequence).</summary>
    public static Batch FromPull(Reply reply)
    {
        reply.AssertOk();
        var response = reply.Content;
        Assert.Equal(Ns.Wsen + "PullResponse", response.Name);
        return new Batch(reply,
            response.Element(Ns.Wsen + "Items")?.Elements().ToList() ?? [],
            response.Element(Ns.Wsen + "EnumerationContext"),
            response.Element(Ns.Wsen + "EndOfSequence") is not null);
    }
}

public static class Enumerations
{
    /// <summary>The Name property of each CIM_ComputerSystem item.</summary>
    public static IEnumerable<string> Names(this IEnumerable<XElement> items) =>
        items.Select(i => i.Element(Ns.Class(Request.ComputerSystem) + "Name")!.Value);

    /// <summary>Pulls until EndOfSequence, at most 1000 times; every batch is returned.</summary>
    public static async Task<List<Batch>> PullAllAsync(this TestService service, string context, Func<string, Request> pull, Caller? caller = null)
    {
        var batches = new List<Batch>();
        for (var i = 0; i < 1000; i++)
        {
            var batch = Batch.FromPull(await service.SendAsync(pull(context), caller));
            batches.Add(batch);
            if (batch.EndOfSequence) return batches;
            context = batch.ContextId ?? throw new Xunit.Sdk.XunitException("A PullResponse without EndOfSequence named no context.");
        }
        throw new Xunit.Sdk.XunitException("The enumeration did not end within 1000 pulls.");
    }

    /// <summary>Opens a plain (not optimized) enumeration and returns its context.</summary>
    public static async Task<string> OpenAsync(this TestService service, Caller? caller = null)
    {
        var batch = Batch.FromEnumerate(await service.SendAsync(Request.EnumerateOf(), caller));
        Assert.Empty(batch.Items);
        return batch.ContextId ?? throw new Xunit.Sdk.XunitException("The EnumerateResponse named no context.");
    }
}
