using System.Diagnostics;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>The tier's libvirtd, through tests/vm-tier/libvirtd.sh (which test.sh started it with).</summary>
public static class LibvirtDaemons
{
    private static readonly string Script = Path.Combine(TestPaths.RepositoryRoot, "tests", "vm-tier", "libvirtd.sh");

    // The script waits at most 20 s for libvirtd to answer.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Kills libvirtd with SIGKILL, as a crash would; its guests keep running.</summary>
    public static async Task KillLibvirtdAsync()
    {
        var pid = int.Parse((await RunAsync("pid", "libvirtd")).Trim());
        using var libvirtd = Process.GetProcessById(pid);
        libvirtd.Kill();
        await libvirtd.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Starts libvirtd again and waits until it answers.</summary>
    public static Task RestartLibvirtdAsync() => RunAsync("restart-libvirtd");

    private static Task<string> RunAsync(params string[] arguments) => Tool.RunAsync("bash", [Script, .. arguments], Timeout);
}
