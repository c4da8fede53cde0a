namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>The four systems the simulator seeds, found the way a client finds them: by enumerating.</summary>
public static class SeededSystems
{
    /// <summary>Seeded system name → its EnabledState at start.</summary>
    public static readonly IReadOnlyDictionary<string, string> InitialStates = new Dictionary<string, string>
    {
        ["web01"] = "2",
        ["db01"] = "3",
        ["build01"] = "9",
        ["test01"] = "6",
    };

    /// <summary>ElementName → Name (the UUID key) of every virtual system.</summary>
    public static async Task<Dictionary<string, string>> FindAsync(WsManClient client)
    {
        var systems = await client.EnumerateAllAsync("CIM_ComputerSystem", maxElements: 100);
        return systems.Where(s => s.Prop("Name") != ServerFixture.HostName)
            .ToDictionary(s => s.Prop("ElementName")!, s => s.Prop("Name")!);
    }

    public static async Task<string> NameOfAsync(WsManClient client, string elementName)
    {
        var systems = await FindAsync(client);
        Assert.True(systems.TryGetValue(elementName, out var name), $"The simulator does not hold the seeded system {elementName}.");
        return name!;
    }

    public static Task<WsManReply> GetAsync(WsManClient client, string name) =>
        client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", name));
}
