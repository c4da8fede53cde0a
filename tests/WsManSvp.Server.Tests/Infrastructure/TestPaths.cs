namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>Where the repository and the read-only ../shared folder are, found from the test binaries.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared next to the repository; CI always has it.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Interop(string relative) => Path.Combine(Shared, "interop", relative);

    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wsmansvp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WsManSvp.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (WsManSvp.sln) above " + AppContext.BaseDirectory);
    }
}
