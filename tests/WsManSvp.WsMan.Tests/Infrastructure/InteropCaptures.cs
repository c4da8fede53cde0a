namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>The real client requests in ../shared/interop next to the repository.</summary>
public static class InteropCaptures
{
    public static string Read(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WsManSvp.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "..", "shared", "interop", relative));
        }
        throw new InvalidOperationException("Cannot find the repository root (WsManSvp.sln) above " + AppContext.BaseDirectory);
    }
}
