using System.Reflection;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>Every capture under ../shared/interop is replayed by some test, so a new one cannot be silently ignored.</summary>
public sealed class CaptureCoverageTests
{
    private static readonly string Root = TestPaths.Interop("");

    public static TheoryData<string> CaptureFiles()
    {
        var files = new TheoryData<string>();
        // With no folder there is nothing to enumerate: one row that reports it.
        if (!Directory.Exists(Root)) files.Add("");
        else
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
                files.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        return files;
    }

    [Theory]
    [MemberData(nameof(CaptureFiles))]
    public void Every_capture_has_an_expectation(string capture)
    {
        Assert.True(Directory.Exists(Root), $"The interop captures are missing: expected the read-only folder {Root}.");
        var replayed = typeof(CaptureCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<ReplaysAttribute>())
            .SelectMany(a => a.Captures)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(replayed.Contains(capture),
            $"No test replays {capture}: add a test marked [Replays(\"{capture}\")] (Interop/) that asserts the correct answer to it.");
    }
}
