namespace WsManSvp.Storage.Tests;

/// <summary>A data directory of a test's own, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wsmansvp-tests", Guid.NewGuid().ToString("N"));

    public StateDatabase Open() => StateDatabase.Open(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }
}
