using System.Text.RegularExpressions;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>
/// The built server (WsManSvp.Server.dll) run as its own process with `dotnet`, the way an operator runs it.
/// WSMANSVP_USER/WSMANSVP_PASSWORD are removed from its environment unless a test sets them.
/// </summary>
public static class ServerCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Dll { get; } = FindDll();

    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ChildProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        var variables = new Dictionary<string, string?> { ["WSMANSVP_USER"] = null, ["WSMANSVP_PASSWORD"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) variables[name] = value;
        return ChildProcess.Start(Dotnet, [Dll, .. arguments], variables, standardInput);
    }

    /// <summary>Runs a command that ends by itself (usage, refusals, user management).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        await using var process = Start(arguments, environment, standardInput);
        var exitCode = await process.WaitForExitAsync(Timeout);
        return (exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Starts the run command and waits for its banner to be complete (its last line is "Try ...").</summary>
    public static async Task<RunningServer> StartServerAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = Start(arguments, environment);
        try
        {
            await process.WaitForLineAsync(line => line.TrimStart().StartsWith("Try ", StringComparison.Ordinal), Timeout, "the end of the startup banner");
            return new RunningServer(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static string FindDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "WsManSvp.Server.dll");
        if (File.Exists(beside)) return beside;
        var built = Path.Combine(TestPaths.RepositoryRoot, "src", "WsManSvp.Server", "bin");
        var found = Directory.Exists(built) ? Directory.GetFiles(built, "WsManSvp.Server.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;
        return found ?? throw new InvalidOperationException($"WsManSvp.Server.dll is neither next to the tests ({beside}) nor under {built}: build the solution first.");
    }
}

/// <summary>A started run command and what its banner said. Disposing it kills the process.</summary>
public sealed partial class RunningServer(ChildProcess process) : IAsyncDisposable
{
    public string Banner { get; } = process.Stdout;

    /// <summary>The first "Listening on" endpoint, as printed.</summary>
    public string Endpoint => ListeningOn().Match(Banner) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No 'Listening on' line in:\n" + Banner);

    /// <summary>The password printed on a first start, or null.</summary>
    public string? GeneratedPassword => GeneratedCredentials().Match(Banner) is { Success: true } m ? m.Groups[2].Value : null;

    public string? GeneratedUser => GeneratedCredentials().Match(Banner) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>An Identify with these Basic credentials, at the printed endpoint (or the same port on loopback when given).</summary>
    public async Task<WsManReply> IdentifyAsync(string user, string password, string? endpoint = null)
    {
        using var client = new WsManClient(endpoint ?? Endpoint, user, password);
        return await client.PostAsync(Envelopes.Identify());
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"Listening on\s+(\S+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"user '([^']*)' password '([^']*)'")]
    private static partial Regex GeneratedCredentials();
}
