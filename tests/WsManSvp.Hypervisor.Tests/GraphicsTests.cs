namespace WsManSvp.Hypervisor.Tests;

/// <summary>A definition's remote displays: kept, compared, checked and stored like its other devices.</summary>
public sealed class GraphicsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static SystemDefinition WithDisplays(string name) => Systems.Definition(name) with
    {
        Graphics = [new VirtualGraphics(GraphicsTypes.Vnc, "127.0.0.1", 5901), new VirtualGraphics(GraphicsTypes.Spice)],
    };

    [Fact]
    public void A_definition_has_no_graphics_unless_given()
    {
        Assert.Empty(Systems.Definition("plain").Graphics);
    }

    [Fact]
    public async Task Defined_graphics_are_kept_and_an_update_replaces_them()
    {
        await using var hv = Systems.Simulator();

        var defined = await hv.DefineSystemAsync(WithDisplays("shown"), None);
        var updated = await hv.UpdateDefinitionAsync(defined.Id,
            defined.Definition with { Graphics = [new VirtualGraphics(GraphicsTypes.Vnc, Port: 5905)] }, None);

        Assert.Equal(WithDisplays("shown").Graphics, defined.Definition.Graphics);
        Assert.Equal([new VirtualGraphics(GraphicsTypes.Vnc, null, 5905)], updated.Definition.Graphics);
        Assert.Equal(updated.Definition.Graphics, (await hv.GetSystemAsync(defined.Id, None))!.Definition.Graphics);
    }

    [Theory]
    [InlineData("rdp", null)]
    [InlineData("vnc", 0)]
    [InlineData("spice", 65536)]
    public async Task A_type_the_host_does_not_serve_or_a_port_out_of_range_is_InvalidArgument(string type, int? port)
    {
        await using var hv = Systems.Simulator();
        var definition = Systems.Definition("bad") with { Graphics = [new VirtualGraphics(type, null, port)] };

        var e = await Assert.ThrowsAsync<HypervisorException>(async () => await hv.DefineSystemAsync(definition, None));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
    }

    [Fact]
    public async Task Two_displays_of_one_type_are_InvalidArgument()
    {
        await using var hv = Systems.Simulator();
        var definition = Systems.Definition("twice") with
        {
            Graphics = [new VirtualGraphics(GraphicsTypes.Vnc), new VirtualGraphics(GraphicsTypes.Vnc, Port: 5902)],
        };

        var e = await Assert.ThrowsAsync<HypervisorException>(async () => await hv.DefineSystemAsync(definition, None));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
    }

    [Fact]
    public async Task Reverting_to_a_snapshot_that_differs_only_in_graphics_announces_ConfigurationChanged()
    {
        await using var hv = Systems.Simulator();
        var system = await hv.DefineSystemAsync(Systems.Definition("vm"), None);
        var snapshot = await hv.CreateSnapshotAsync(system.Id, SnapshotKind.Full, null, None);
        await hv.UpdateDefinitionAsync(system.Id, system.Definition with { Graphics = [new VirtualGraphics(GraphicsTypes.Spice)] }, None);
        await using var watcher = new EventWatcher(hv);

        var reverted = await hv.ApplySnapshotAsync(system.Id, snapshot.Name, None);

        Assert.Empty(reverted.Definition.Graphics);
        Assert.Equal(HypervisorEventKind.ConfigurationChanged, (await watcher.NextAsync()).Kind);
    }

    [Fact]
    public async Task Graphics_are_stored_and_come_back_on_reopen()
    {
        using var directory = new TempStateDirectory();
        Guid id;
        await using (var database = directory.OpenDatabase())
        await using (var hv = await TempStateDirectory.OpenSimulatorAsync(database))
            id = (await hv.DefineSystemAsync(WithDisplays("kept"), None)).Id;

        await using var reopenedDatabase = directory.OpenDatabase();
        await using var reopened = await TempStateDirectory.OpenSimulatorAsync(reopenedDatabase);

        Assert.Equal(WithDisplays("kept").Graphics, (await reopened.GetSystemAsync(id, None))!.Definition.Graphics);
    }
}
