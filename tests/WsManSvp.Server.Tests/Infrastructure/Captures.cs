namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>The real client requests in ../shared/interop, which the tests replay.</summary>
public static class Captures
{
    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    private static string PathOf(string relative)
    {
        var path = TestPaths.Interop(relative);
        Assert.True(File.Exists(path), $"The client capture {path} is missing; these tests need ../shared/interop.");
        return path;
    }
}
