namespace WsManSvp.Cim.Tests;

/// <summary>Where the repository and the read-only ../shared folder are, found from the test binaries.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared next to the repository; CI always has it.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The DMTF CIM schema 2.32.0 MOF files; fails with a clear message when they are absent.</summary>
    public static string DmtfCimSchema
    {
        get
        {
            var dir = Path.Combine(Shared, "cim-schema", "CIM-2.32.0");
            if (!Directory.Exists(dir))
                throw new InvalidOperationException(
                    $"The DMTF CIM schema 2.32.0 is missing: expected its MOF files under {dir} (../shared/cim-schema/CIM-2.32.0 next to the repository).");
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WsManSvp.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (WsManSvp.sln) above " + AppContext.BaseDirectory);
    }
}
