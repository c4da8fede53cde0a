using System.Diagnostics;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Processes;

namespace WsManSvp.Server.Tests.Libvirt;

/// <summary>The seed node file the libvirt conformance runs use is what libvirt's own test driver loads.</summary>
public sealed class LibvirtTestHostTests
{
    [Fact]
    public async Task Virsh_sees_the_simulators_seed_in_the_node_file()
    {
        using var temp = new TempDirectory();
        var node = Path.Combine(temp.Path, "node.xml");
        await LibvirtTestHost.WriteSeedAsync(node, ServerFixture.HostName);

        var output = await VirshAsync(node, "list --all --name; domstate web01; domstate db01; domstate build01; domstate test01; dominfo test01; " +
            "pool-list --all --name; net-list --all --name; vol-list default");

        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["build01", "db01", "test01", "web01"], lines[..4].Order());
        Assert.Equal(["running", "shut off", "paused", "shut off"], lines[4..8]);
        Assert.Contains(lines, l => l.StartsWith("Managed save:", StringComparison.Ordinal) && l.EndsWith("yes", StringComparison.Ordinal));
        Assert.Contains("storage-net", lines);
        Assert.Contains(lines, l => l.StartsWith("web01-vda.qcow2", StringComparison.Ordinal));
    }

    private static async Task<string> VirshAsync(string node, string commands)
    {
        var start = new ProcessStartInfo("virsh", ["-c", "test://" + node, commands]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var virsh = Process.Start(start)!;
        var output = await virsh.StandardOutput.ReadToEndAsync();
        var error = await virsh.StandardError.ReadToEndAsync();
        await virsh.WaitForExitAsync();
        Assert.True(virsh.ExitCode == 0, $"virsh failed: {error}");
        return output;
    }
}
