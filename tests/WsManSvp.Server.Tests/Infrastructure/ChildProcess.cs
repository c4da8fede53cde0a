using System.Diagnostics;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// A child process with its output collected line by line and waited on with timeouts. Disposing it
/// kills it and its children if still running, so a failing test leaves nothing behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly object _gate = new();
    private readonly SemaphoreSlim _newOutput = new(0);
    private bool _stdoutClosed;

    private ChildProcess(Process process) => _process = process;

    /// <summary>
    /// Starts <paramref name="fileName"/>. Environment entries with a null value are removed from the
    /// inherited environment. Standard input gets <paramref name="standardInput"/> and is then closed.
    /// </summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Received(child._stdout, e.Data, isStdout: true);
        process.ErrorDataReceived += (_, e) => child.Received(child._stderr, e.Data, isStdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (standardInput is not null) process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process ended before reading its input; its exit code and output say why.
        }
        return child;
    }

    public string Stdout { get { lock (_gate) return string.Join('\n', _stdout); } }

    public string Stderr { get { lock (_gate) return string.Join('\n', _stderr); } }

    /// <summary>The first stdout line that matches, waiting for it; fails if the process ends first or the time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (true)
        {
            bool closed;
            lock (_gate)
            {
                for (; next < _stdout.Count; next++)
                    if (match(_stdout[next])) return _stdout[next];
                closed = _stdoutClosed;
            }
            if (closed) Assert.Fail($"The process ended before printing {what}.\n{Transcript()}");
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) Assert.Fail($"No {what} within {timeout.TotalSeconds} s.\n{Transcript()}");
            await _newOutput.WaitAsync(remaining);
        }
    }

    /// <summary>Waits for the process to end (and its output to be read) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process did not end within {timeout.TotalSeconds} s.\n{Transcript()}");
        }
        return _process.ExitCode;
    }

    public string Transcript() => $"--- stdout:\n{Stdout}\n--- stderr:\n{Stderr}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or never started: nothing left to stop.
        }
        _process.Dispose();
    }

    private void Received(List<string> lines, string? line, bool isStdout)
    {
        lock (_gate)
        {
            if (line is not null) lines.Add(line);
            else if (isStdout) _stdoutClosed = true;
        }
        _newOutput.Release();
    }
}
