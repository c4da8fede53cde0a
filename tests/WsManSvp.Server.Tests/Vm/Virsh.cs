namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// virsh on the tier's libvirt, to check what the service did from libvirt's side. Every call has a
/// timeout, so a hung libvirtd fails the test instead of hanging the CI run.
/// </summary>
public static class Virsh
{
    public const string Uri = "qemu:///system";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The domain's state as `virsh domstate` prints it: "running", "paused", "shut off".</summary>
    public static async Task<string> DomStateAsync(string domain) => (await RunAsync("domstate", domain)).Trim();

    /// <summary>The live domain XML of a running domain, the persistent one of an inactive domain.</summary>
    public static Task<string> DumpXmlAsync(string domain) => RunAsync("dumpxml", domain);

    /// <summary>Every domain's name, active or not.</summary>
    public static async Task<IReadOnlyList<string>> DomainsAsync() =>
        (await RunAsync("list", "--all", "--name")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Destroys and undefines every domain whose name starts with <paramref name="prefix"/> (with its saved
    /// state and snapshots), and deletes the volumes of the "default" pool named so: what a failed or
    /// interrupted run left behind, and the images DestroySystem leaves.
    /// </summary>
    public static async Task RemoveLeftoversAsync(string prefix)
    {
        foreach (var domain in (await DomainsAsync()).Where(d => d.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (await DomStateAsync(domain) != "shut off") await RunAsync("destroy", domain);
            await RunAsync("undefine", domain, "--managed-save", "--snapshots-metadata");
        }
        await RunAsync("pool-refresh", "default");
        // virsh 9's vol-list has no --name: a table of name and path.
        foreach (var volume in (await RunAsync("vol-list", "default")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0]).Where(v => v.StartsWith(prefix, StringComparison.Ordinal)))
            await RunAsync("vol-delete", volume, "--pool", "default");
    }

    public static Task<string> RunAsync(params string[] arguments) => Tool.RunAsync("virsh", ["-c", Uri, .. arguments], Timeout);
}
