using System.Text.Json;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// Runs the scripts in Clients/ with Debian's python3-winrm (/usr/bin/python3; the python3 first on PATH
/// may lack it) against an endpoint, and parses the JSON object each prints.
/// </summary>
public static class PywinrmClient
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task> Prerequisite = new(CheckWinrmAsync);

    public static async Task<JsonElement> RunAsync(string script, string endpoint, string user, string password, params string[] arguments)
    {
        await Prerequisite.Value;
        var path = Path.Combine(AppContext.BaseDirectory, "Clients", script);
        Assert.True(File.Exists(path), $"{path} is missing: Clients/*.py should be copied next to the test assembly.");
        await using var python = ChildProcess.Start(Python, [path, .. arguments], ScriptEnvironment(new()
        {
            ["WSMAN_ENDPOINT"] = endpoint,
            ["WSMAN_USER"] = user,
            ["WSMAN_PASSWORD"] = password,
        }));
        var exitCode = await python.WaitForExitAsync(Timeout);
        Assert.True(exitCode == 0, $"{script} exited with {exitCode}.\n{python.Transcript()}");
        try
        {
            return JsonDocument.Parse(python.Stdout).RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{script} did not print one JSON object ({e.Message}).\n{python.Transcript()}");
            throw;
        }
    }

    /// <summary>Runs a python file with arguments (no environment contract) and returns what it printed.</summary>
    public static async Task<string> RunFileAsync(string path, params string[] arguments)
    {
        await Prerequisite.Value;
        Assert.True(File.Exists(path), $"{path} is missing.");
        await using var python = ChildProcess.Start(Python, [path, .. arguments], ScriptEnvironment(new()));
        var exitCode = await python.WaitForExitAsync(Timeout);
        Assert.True(exitCode == 0, $"{Path.GetFileName(path)} exited with {exitCode}.\n{python.Transcript()}");
        return python.Stdout;
    }

    private static async Task CheckWinrmAsync()
    {
        const string install = "Install Debian's pywinrm: apt-get install -y --no-install-recommends python3-winrm (as root; test.sh does it when run as root).";
        Assert.True(File.Exists(Python), $"{Python} does not exist. {install}");
        await using var python = ChildProcess.Start(Python, ["-c", "import winrm"], ScriptEnvironment(new()));
        var exitCode = await python.WaitForExitAsync(Timeout);
        Assert.True(exitCode == 0, $"{Python} cannot import winrm. {install}\n{python.Transcript()}");
    }

    /// <summary>The script's environment: no proxy (requests honours the proxy variables, even for loopback), no bytecode files.</summary>
    private static Dictionary<string, string?> ScriptEnvironment(Dictionary<string, string?> variables)
    {
        foreach (var proxy in new[] { "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY" })
            variables[proxy] = null;
        variables["PYTHONDONTWRITEBYTECODE"] = "1";
        return variables;
    }
}
