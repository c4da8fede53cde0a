using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Streaming;

/// <summary>
/// The three enumerations over the 10,000 simulated systems that must stream: every CIM_ComputerSystem,
/// a WQL-filtered one, and the association traversal from the host through CIM_HostedDependency.
/// </summary>
public sealed record StreamedEnumeration(string Name, string ResourceUri, string EnumerateBody, string[] Selectors, int ExpectedCount)
{
    public const string Plain = "CIM_ComputerSystem";
    public const string Wql = "WQL";
    public const string Associators = "AssociatedInstances";

    private const string ComputerSystemUri = Ns.ClassPrefix + "CIM_ComputerSystem";
    private const string AllClassesUri = "http://schemas.dmtf.org/wbem/wscim/1/*";
    private const int Extra = TenThousandSystemsServerFixture.ExtraSystems;

    /// <summary>The seeded systems and the host, after load00001…load10000 in <see cref="Slot"/>.</summary>
    private static readonly string[] Others = ["web01", "db01", "build01", "test01", ServerFixture.HostName];

    public static readonly IReadOnlyDictionary<string, StreamedEnumeration> All = new Dictionary<string, StreamedEnumeration>
    {
        // The host and every virtual system.
        [Plain] = new(Plain, ComputerSystemUri, "<wsen:Enumerate/>", [], Extra + Others.Length),
        // The load systems only: the filter runs over all 10,005 instances and keeps 10,000.
        [Wql] = new(Wql, ComputerSystemUri,
            "<wsen:Enumerate><wsman:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">" +
            "SELECT * FROM CIM_ComputerSystem WHERE ElementName LIKE 'load%'</wsman:Filter></wsen:Enumerate>", [], Extra),
        // Every virtual system, reached from the host (DSP1042 9.2.16); the services it also hosts are left out.
        [Associators] = new(Associators, AllClassesUri,
            "<wsen:Enumerate><wsman:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\">" +
            "<wsmb:AssociatedInstances><wsmb:Object><wsa:Address>" + Envelopes.Anonymous + "</wsa:Address><wsa:ReferenceParameters>" +
            "<wsman:ResourceURI>" + ComputerSystemUri + "</wsman:ResourceURI><wsman:SelectorSet>" +
            "<wsman:Selector Name=\"CreationClassName\">CIM_ComputerSystem</wsman:Selector>" +
            "<wsman:Selector Name=\"Name\">" + ServerFixture.HostName + "</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></wsmb:Object>" +
            "<wsmb:AssociationClassName>CIM_HostedDependency</wsmb:AssociationClassName>" +
            "<wsmb:ResultClassName>CIM_ComputerSystem</wsmb:ResultClassName>" +
            "</wsmb:AssociatedInstances></wsman:Filter></wsen:Enumerate>", ["__cimnamespace", "root/cimv2"], Extra + Others.Length - 1),
    };

    public static readonly string[] Kinds = [Plain, Wql, Associators];

    public static TheoryData<string> Names => new(Kinds);

    /// <summary>Enough slots for every system of the fixture and the host, allocated up front (see <see cref="Slot"/>).</summary>
    public static bool[] NewTally() => new bool[Extra + Others.Length];

    /// <summary>
    /// Where an item's ElementName goes in a tally: load00001…load10000 at 0…9999, then the seeded systems
    /// and the host. A fixed array rather than a set, so checking the items does not grow the test's own heap.
    /// </summary>
    public static int Slot(string elementName)
    {
        if (elementName.StartsWith("load", StringComparison.Ordinal) && int.TryParse(elementName.AsSpan(4), out var n) && n is >= 1 and <= Extra)
            return n - 1;
        var other = Array.IndexOf(Others, elementName);
        Assert.True(other >= 0, $"Unexpected ElementName '{elementName}'.");
        return Extra + other;
    }

    /// <summary>Whether an item with this ElementName belongs in the enumeration's result.</summary>
    public bool Expects(string elementName) => Name switch
    {
        Wql => elementName.StartsWith("load", StringComparison.Ordinal),
        Associators => elementName != ServerFixture.HostName,
        _ => true,
    };

    public async Task<StreamCursor> OpenAsync(WsManClient client)
    {
        var reply = (await client.PostAsync(Envelopes.Build(Envelopes.Enumerate, ResourceUri, SelectorPairs(), EnumerateBody))).AssertOk();
        return new StreamCursor(this, client, reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value);
    }

    internal IEnumerable<(string, string)> SelectorPairs()
    {
        for (var i = 0; i + 1 < Selectors.Length; i += 2) yield return (Selectors[i], Selectors[i + 1]);
    }
}

/// <summary>An open enumeration, pulled batch by batch; each item is checked into a tally and not kept.</summary>
public sealed class StreamCursor(StreamedEnumeration enumeration, WsManClient client, string context)
{
    private readonly bool[] _tally = StreamedEnumeration.NewTally();
    private string _context = context;

    public StreamedEnumeration Enumeration => enumeration;
    public int Count { get; private set; }
    public int Batches { get; private set; }
    public bool Ended { get; private set; }

    /// <summary>The ElementName of an item to keep when it comes (see <see cref="Watched"/>).</summary>
    public string? Watch { get; set; }

    /// <summary>The item named by <see cref="Watch"/>, once pulled (a copy: the reply it came in is not kept).</summary>
    public XElement? Watched { get; private set; }

    /// <summary>Pulls up to <paramref name="maxElements"/> items; returns how many came.</summary>
    public async Task<int> PullAsync(int maxElements)
    {
        Assert.False(Ended, $"{enumeration.Name}: pulled past EndOfSequence.");
        var body = $"<wsen:Pull><wsen:EnumerationContext>{_context}</wsen:EnumerationContext><wsen:MaxElements>{maxElements}</wsen:MaxElements></wsen:Pull>";
        var response = (await client.PostAsync(Envelopes.Build(Envelopes.Pull, enumeration.ResourceUri, enumeration.SelectorPairs(), body))).AssertOk().Content;
        var items = response.Element(Ns.Wsen + "Items")!.Elements().ToList();
        foreach (var item in items)
        {
            Assert.Equal("CIM_ComputerSystem", item.Name.LocalName);
            var elementName = item.Prop("ElementName")!;
            Assert.True(enumeration.Expects(elementName), $"{enumeration.Name}: '{elementName}' does not belong in the result.");
            var slot = StreamedEnumeration.Slot(elementName);
            Assert.False(_tally[slot], $"{enumeration.Name}: '{elementName}' came twice.");
            _tally[slot] = true;
            if (elementName == Watch) Watched = new XElement(item);
        }
        Count += items.Count;
        Batches++;
        if (response.Element(Ns.Wsen + "EndOfSequence") is not null) Ended = true;
        else
        {
            Assert.Equal(maxElements, items.Count); // batches fit the reply easily: a short one before the end means the stream stalled
            _context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
        return items.Count;
    }

    /// <summary>Asserts the enumeration ended having returned every expected item exactly once.</summary>
    public void AssertComplete()
    {
        Assert.True(Ended, $"{enumeration.Name}: no EndOfSequence after {Count} items.");
        Assert.Equal(enumeration.ExpectedCount, Count);
        Assert.Equal(enumeration.ExpectedCount, _tally.Count(seen => seen));
    }

    public async Task ReleaseAsync()
    {
        if (Ended) return;
        var body = $"<wsen:Release><wsen:EnumerationContext>{_context}</wsen:EnumerationContext></wsen:Release>";
        (await client.PostAsync(Envelopes.Build(Envelopes.Release, enumeration.ResourceUri, enumeration.SelectorPairs(), body))).AssertOk();
        Ended = true;
    }
}
