using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>A fresh directory for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = TestPaths.NewTempDirectory();

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
