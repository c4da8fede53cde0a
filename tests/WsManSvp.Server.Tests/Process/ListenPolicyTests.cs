using System.Net;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>Where the run command agrees to listen: plain HTTP beyond loopback only when allowed, https only with a certificate.</summary>
public sealed class ListenPolicyTests
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["WSMANSVP_USER"] = "wsman",
        ["WSMANSVP_PASSWORD"] = "listen-secret",
    };

    [Fact]
    public async Task Plain_HTTP_on_a_non_loopback_address_is_refused_with_exit_code_2()
    {
        using var temp = new TempDirectory();

        var run = await ServerCommand.RunAsync(["--urls", "http://0.0.0.0:0", "--data-dir", temp.Path], Credentials);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("plain HTTP on a non-loopback address", run.Stderr);
        Assert.Contains("--allow-unencrypted", run.Stderr);
        Assert.DoesNotContain("Listening on", run.Stdout);
    }

    [Fact]
    public async Task Plain_HTTP_on_a_non_loopback_address_starts_with_allow_unencrypted()
    {
        using var temp = new TempDirectory();

        await using var server = await ServerCommand.StartServerAsync(["--urls", "http://0.0.0.0:0", "--allow-unencrypted", "--data-dir", temp.Path], Credentials);

        var printed = new Uri(server.Endpoint);
        Assert.Equal("0.0.0.0", printed.Host);
        var reply = await server.IdentifyAsync("wsman", "listen-secret", $"http://127.0.0.1:{printed.Port}/wsman");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task An_https_URL_without_a_certificate_is_refused_with_exit_code_2()
    {
        using var temp = new TempDirectory();

        var run = await ServerCommand.RunAsync(["--urls", "https://127.0.0.1:0", "--data-dir", temp.Path], Credentials);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs a certificate", run.Stderr);
        Assert.Contains("--certificate", run.Stderr);
        Assert.DoesNotContain("Listening on", run.Stdout);
    }
}
