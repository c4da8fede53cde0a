using System.Diagnostics;
using System.Globalization;
using LibvirtOverhead;
using WsManSvp.Server.Authentication;
using WsManSvp.Server.Hosting;

// The bench of bench/libvirt-overhead.sh: the service's latency over the raw libvirt calls it makes. Lays down a
// test-driver node file with --domains domains, starts the real server in this process on the libvirt backend over
// it, opens a second connection to the same file for the raw side (an identical fresh host), and for Get, Enumerate
// and RequestStateChange runs, per iteration, the raw calls and then the WS-Man request, after --warmup seconds of
// the same unmeasured. Writes the Markdown tables to --table.
//
// Usage: LibvirtOverhead --table FILE [--iterations N] [--warmup SECONDS] [--domains N] [--quick]
// Exit status 1 when a check fails (a reply not 200, a wrong count, a job not Completed), 2 on wrong arguments.

var options = Options.Parse(args);
if (options is null) return 2;

var work = Directory.CreateTempSubdirectory("libvirt-overhead.");
try
{
    var domains = TestNode.Domains(options.Domains);
    var nodeFile = Path.Combine(work.FullName, "node.xml");
    TestNode.Write(nodeFile, domains);
    var uri = "test://" + nodeFile;

    const string user = "bench";
    var password = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
    var data = Path.Combine(work.FullName, "data");
    Directory.CreateDirectory(data);
    using (var users = new UserFile(data, watch: false)) users.Set(user, password);

    await using var server = await WsManServer.StartAsync(new ServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        DataDirectory = data,
        HostName = "host1",
        Backend = "libvirt",
        LibvirtUri = uri,
    });
    using var raw = new RawLibvirt(uri, domains);
    using var service = new WsManCalls(server.Endpoints[0], user, password);
    var bench = new Bench(raw, server.Hypervisor, service, domains, options);
    Console.Error.WriteLine($"LibvirtOverhead: server at {server.Endpoints[0]} on {uri}, {domains.Count} domains");

    var tables = Report.Tables(await bench.GetAsync(), await bench.EnumerateAsync(), await bench.StateChangeAsync(), options.Quick);
    await File.WriteAllTextAsync(options.Table, tables);
    Console.Write(tables);
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"LibvirtOverhead: {e.Message}");
    return 1;
}
finally
{
    work.Delete(recursive: true);
}

internal sealed record Options(string Table, int Iterations, double Warmup, int Domains, bool Quick)
{
    public static Options? Parse(string[] args)
    {
        string? table = null;
        int iterations = 3000, domains = 100;
        double warmup = 5;
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n : throw new ArgumentException($"{args[i - 1]} is a whole number >= 1");
            try
            {
                switch (args[i])
                {
                    case "--table": table = Value(); break;
                    case "--iterations": iterations = Number(); break;
                    case "--domains": domains = Number(); break;
                    case "--warmup":
                        warmup = double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w) && w >= 0
                            ? w : throw new ArgumentException("--warmup is a number of seconds");
                        break;
                    case "--quick": quick = true; break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"LibvirtOverhead: {e.Message}");
                return null;
            }
        }
        if (table is null)
        {
            Console.Error.WriteLine("usage: LibvirtOverhead --table FILE [--iterations N] [--warmup SECONDS] [--domains N] [--quick]");
            return null;
        }
        return new Options(table, iterations, warmup, domains, quick);
    }

    /// <summary>Runs <paramref name="iteration"/> unmeasured for the warm-up time, then <see cref="Iterations"/> times measured.</summary>
    public async Task RunAsync(Func<bool, Task> iteration)
    {
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < Warmup;) await iteration(false);
        for (var i = 0; i < Iterations; i++) await iteration(true);
    }
}
