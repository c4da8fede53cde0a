using System.Diagnostics;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>A command-line tool run to its end within a timeout; its stdout, or a failed assertion with its stderr.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var command = string.Join(' ', info.ArgumentList.Prepend(fileName));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish within {timeout.TotalSeconds} s.");
        }
        Assert.True(process.ExitCode == 0, $"{command} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
