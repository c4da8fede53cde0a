using System.Net;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>WSMANSVP_USER/WSMANSVP_PASSWORD in the run command's environment take precedence over the users file.</summary>
public sealed class EnvironmentCredentialsTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["WSMANSVP_USER"] = "envuser",
        ["WSMANSVP_PASSWORD"] = "env-secret-1",
    };

    [Fact]
    public async Task Environment_credentials_win_over_a_user_in_the_users_file()
    {
        using var temp = new TempDirectory();
        var add = await ServerCommand.RunAsync(["user", "add", "fileuser", "--data-dir", temp.Path], standardInput: "file-secret-1\n");
        Assert.Equal(0, add.ExitCode);

        await using var server = await ServerCommand.StartServerAsync(["--urls", "http://127.0.0.1:0", "--data-dir", temp.Path], Environment);

        Assert.Contains("user 'envuser' from the environment", server.Banner);
        Assert.Null(server.GeneratedPassword);
        Assert.Equal(HttpStatusCode.OK, (await server.IdentifyAsync("envuser", "env-secret-1")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.IdentifyAsync("fileuser", "file-secret-1")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.IdentifyAsync("envuser", "file-secret-1")).Status);
    }

    [Fact]
    public async Task With_environment_credentials_a_first_start_generates_no_password_and_writes_no_users_file()
    {
        using var temp = new TempDirectory();

        await using var server = await ServerCommand.StartServerAsync(["--urls", "http://127.0.0.1:0", "--data-dir", temp.Path], Environment);

        Assert.Null(server.GeneratedPassword);
        Assert.False(File.Exists(temp.Combine("users")));
        Assert.Equal(HttpStatusCode.OK, (await server.IdentifyAsync("envuser", "env-secret-1")).Status);
    }
}
