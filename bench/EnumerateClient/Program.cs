using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

// The client of bench/enumerate.sh: runs one whole enumeration after another (optimized Enumerate, then Pull
// until EndOfSequence, MaxElements large so that every reply is as full as MaxEnvelopeSize allows) and reports
// instances per second. Replies are not parsed as XML: items are counted by their start tag and the context is
// cut out of the bytes, so the client's own cost stays small next to the server's.
//
// Usage: EnumerateClient --url URL --scenario enumerate|wql|associators [--host-name NAME] [--repeat N]
//                        [--warmup SECONDS] [--parallel N] [--max-elements N] [--expect N] [--server-pid PID]
// --warmup runs unmeasured enumerations for that long first (default 5 s): the server's code reaches its
// optimized tier only after some seconds of work (tiered compilation, dynamic PGO).
// Credentials: WSMANSVP_USER and WSMANSVP_PASSWORD. With --server-pid (Linux), the server's CPU time during the
// measured runs is read from /proc/PID/stat and its resident memory from /proc/PID/status.
//
// Output, one line per measured run and one summary line (parsed by bench/enumerate.sh):
//   RUN scenario=S rep=I items=N round_trips=R bytes=B seconds=T first_ms=F ips=X
//   RESULT scenario=S runs=N parallel=P items=N round_trips=R reply_bytes=B median_ips=X min_ips=X max_ips=X
//          median_seconds=T median_first_ms=F client_cpu_ms_per_run=C server_cpu_us_per_item=U
//          server_rss_mib=M server_hwm_mib=H cold_ips=X warmup_runs=N
//   (server_* are "-" without --server-pid; cold_ips is the first warm-up run's rate, "-" without warm-up)
// Exit status 1 when a reply is not 200, an enumeration ends with a different count than --expect, or the
// arguments are wrong (2).

var options = Options.Parse(args);
if (options is null) return 2;
var user = Environment.GetEnvironmentVariable("WSMANSVP_USER");
var password = Environment.GetEnvironmentVariable("WSMANSVP_PASSWORD");
if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
{
    Console.Error.WriteLine("EnumerateClient: set WSMANSVP_USER and WSMANSVP_PASSWORD");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler
{
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    MaxConnectionsPerServer = Math.Max(2, options.Parallel),
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
})
{ Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

var scenario = Scenario.For(options);
try
{
    Run? cold = null;
    var warmupRuns = 0;
    for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < options.Warmup; warmupRuns++)
    {
        var run = await RunParallelAsync(http, scenario, options);
        cold ??= run;
    }
    var runs = new List<Run>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var serverTicks = ServerTicks(options.ServerPid);
    for (var rep = 1; rep <= options.Repeat; rep++)
    {
        var run = await RunParallelAsync(http, scenario, options);
        runs.Add(run);
        Console.WriteLine(Invariant($"RUN scenario={options.Scenario} rep={rep} items={run.Items} round_trips={run.RoundTrips} bytes={run.Bytes} seconds={run.Seconds:F4} first_ms={run.FirstMs:F2} ips={run.Ips:F0}"));
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var serverCpu = ServerTicks(options.ServerPid) is { } after && serverTicks is { } before
        ? Invariant($"{(after - before) / 100.0 * 1e6 / runs.Sum(r => r.Items):F2}") : "-";
    var ips = runs.Select(r => r.Ips).Order().ToList();
    Console.WriteLine(Invariant($"RESULT scenario={options.Scenario} runs={runs.Count} parallel={options.Parallel} items={runs[0].Items} round_trips={runs[0].RoundTrips} reply_bytes={runs[0].Bytes} median_ips={Median(ips):F0} min_ips={ips[0]:F0} max_ips={ips[^1]:F0} median_seconds={Median(runs.Select(r => r.Seconds).Order().ToList()):F4} median_first_ms={Median(runs.Select(r => r.FirstMs).Order().ToList()):F2} client_cpu_ms_per_run={cpu.TotalMilliseconds / runs.Count:F1} server_cpu_us_per_item={serverCpu} server_rss_mib={ServerMemory(options.ServerPid, "VmRSS:")} server_hwm_mib={ServerMemory(options.ServerPid, "VmHWM:")} cold_ips={(cold is null ? "-" : Invariant($"{cold.Ips:F0}"))} warmup_runs={warmupRuns}"));
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"EnumerateClient: {e.Message}");
    return 1;
}

static double Median(List<double> sorted) =>
    sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

// utime + stime of the server in clock ticks (USER_HZ, 100 on Linux), fields 14 and 15 of /proc/PID/stat.
static long? ServerTicks(int? pid)
{
    if (pid is null) return null;
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
}

// A memory line of /proc/PID/status (kB) in MiB.
static string ServerMemory(int? pid, string field)
{
    if (pid is null) return "-";
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
    return line is null ? "-" : Invariant($"{long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0:F0}");
}

// --parallel N enumerations at once, each on its own connection; instances per second over all of them.
static async Task<Run> RunParallelAsync(HttpClient http, Scenario scenario, Options options)
{
    var clock = Stopwatch.StartNew();
    var runs = await Task.WhenAll(Enumerable.Range(0, options.Parallel).Select(_ => RunOnceAsync(http, scenario, options)));
    var seconds = clock.Elapsed.TotalSeconds;
    return new Run(runs.Sum(r => r.Items), runs.Sum(r => r.RoundTrips), runs.Sum(r => r.Bytes), seconds, runs.Max(r => r.FirstMs));
}

static async Task<Run> RunOnceAsync(HttpClient http, Scenario scenario, Options options)
{
    var buffer = new ReplyBuffer();
    var clock = Stopwatch.StartNew();
    await PostAsync(http, options.Url, scenario.Enumerate(), buffer);
    var firstMs = clock.Elapsed.TotalMilliseconds;
    long items = 0, bytes = 0;
    var roundTrips = 0;
    while (true)
    {
        roundTrips++;
        bytes += buffer.Length;
        var reply = buffer.Span;
        items += Count(reply, scenario.ItemMarker);
        if (reply.IndexOf("EndOfSequence"u8) >= 0) break;
        var context = Between(reply, "<wsen:EnumerationContext>"u8, "</wsen:EnumerationContext>"u8)
            ?? throw new BenchException("a reply without EndOfSequence names no enumeration context:\n" + Head(reply));
        await PostAsync(http, options.Url, scenario.Pull(context), buffer);
    }
    var seconds = clock.Elapsed.TotalSeconds;
    if (options.Expect is { } expected && items != expected)
        throw new BenchException($"{scenario.Name}: the enumeration returned {items} items, expected {expected}");
    return new Run(items, roundTrips, bytes, seconds, firstMs);
}

static async Task PostAsync(HttpClient http, string url, byte[] body, ReplyBuffer reply)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    await using var stream = await response.Content.ReadAsStreamAsync();
    await reply.FillAsync(stream);
    if (response.StatusCode != HttpStatusCode.OK)
        throw new BenchException($"HTTP {(int)response.StatusCode}:\n{Head(reply.Span)}");
}

static int Count(ReadOnlySpan<byte> text, byte[] marker)
{
    var count = 0;
    for (int at; (at = text.IndexOf(marker)) >= 0; text = text[(at + marker.Length)..]) count++;
    return count;
}

static string? Between(ReadOnlySpan<byte> text, ReadOnlySpan<byte> start, ReadOnlySpan<byte> end)
{
    var from = text.IndexOf(start);
    if (from < 0) return null;
    text = text[(from + start.Length)..];
    var to = text.IndexOf(end);
    return to <= 0 ? null : Encoding.UTF8.GetString(text[..to]);
}

static string Head(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text[..Math.Min(text.Length, 2000)]);

internal sealed record Run(long Items, int RoundTrips, long Bytes, double Seconds, double FirstMs)
{
    public double Ips => Items / Seconds;
}

internal sealed class BenchException(string message) : Exception(message);

/// <summary>A reply read whole into a buffer that is reused and grows as needed.</summary>
internal sealed class ReplyBuffer
{
    private byte[] _bytes = new byte[1 << 20];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public async Task FillAsync(Stream stream)
    {
        Length = 0;
        while (true)
        {
            if (Length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
            var read = await stream.ReadAsync(_bytes.AsMemory(Length));
            if (read == 0) return;
            Length += read;
        }
    }
}

/// <summary>The request envelopes of one scenario and the start tag its items are counted by.</summary>
internal sealed class Scenario(string name, string resourceUri, string selectors, string filter, int maxElements, string to)
{
    public const string ComputerSystemUri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";

    public string Name => name;

    public byte[] ItemMarker { get; } = "<p:CIM_ComputerSystem "u8.ToArray();

    public static Scenario For(Options o)
    {
        var to = o.Url;
        return o.Scenario switch
        {
            // Every CIM_ComputerSystem: the host and each virtual system.
            "enumerate" => new Scenario(o.Scenario, ComputerSystemUri, "", "", o.MaxElements, to),
            // The load systems, through a WQL filter evaluated over every instance.
            "wql" => new Scenario(o.Scenario, ComputerSystemUri, "",
                "<wsman:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">SELECT * FROM CIM_ComputerSystem WHERE ElementName LIKE 'load%'</wsman:Filter>",
                o.MaxElements, to),
            // DSP1042 9.2.16: the virtual systems the host hosts, through CIM_HostedDependency.
            "associators" => new Scenario(o.Scenario, "http://schemas.dmtf.org/wbem/wscim/1/*",
                "<wsman:SelectorSet><wsman:Selector Name=\"__cimnamespace\">root/cimv2</wsman:Selector></wsman:SelectorSet>",
                "<wsman:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\"><wsmb:AssociatedInstances>" +
                "<wsmb:Object><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address><wsa:ReferenceParameters>" +
                $"<wsman:ResourceURI>{ComputerSystemUri}</wsman:ResourceURI><wsman:SelectorSet>" +
                "<wsman:Selector Name=\"CreationClassName\">CIM_ComputerSystem</wsman:Selector>" +
                $"<wsman:Selector Name=\"Name\">{SecurityElement.Escape(o.HostName)}</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></wsmb:Object>" +
                "<wsmb:AssociationClassName>CIM_HostedDependency</wsmb:AssociationClassName><wsmb:ResultClassName>CIM_ComputerSystem</wsmb:ResultClassName>" +
                "</wsmb:AssociatedInstances></wsman:Filter>",
                o.MaxElements, to),
            _ => throw new InvalidOperationException(o.Scenario),
        };
    }

    public byte[] Enumerate() => Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate",
        $"<wsen:Enumerate>{filter}<wsman:OptimizeEnumeration/><wsman:MaxElements>{maxElements}</wsman:MaxElements></wsen:Enumerate>");

    public byte[] Pull(string context) => Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull",
        $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxElements>{maxElements}</wsen:MaxElements></wsen:Pull>");

    private byte[] Envelope(string action, string body) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" " +
        "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" " +
        "xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" xmlns:wsmb=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\"><s:Header>" +
        $"<wsa:Action s:mustUnderstand=\"true\">{action}</wsa:Action><wsa:To s:mustUnderstand=\"true\">{SecurityElement.Escape(to)}</wsa:To>" +
        $"<wsman:ResourceURI s:mustUnderstand=\"true\">{resourceUri}</wsman:ResourceURI>" +
        $"<wsa:MessageID s:mustUnderstand=\"true\">uuid:{Guid.NewGuid()}</wsa:MessageID>" +
        "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>" +
        $"{selectors}</s:Header><s:Body>{body}</s:Body></s:Envelope>");
}

internal sealed record Options(string Url, string Scenario, string HostName, int Repeat, double Warmup, int Parallel, int MaxElements, long? Expect, int? ServerPid)
{
    public static Options? Parse(string[] args)
    {
        string? url = null, scenario = null, hostName = "host1";
        int repeat = 7, parallel = 1, maxElements = 32000;
        double warmup = 5;
        long? expect = null;
        int? serverPid = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number(int min) => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw new ArgumentException($"{args[i - 1]} is a whole number >= {min}");
            try
            {
                switch (args[i])
                {
                    case "--url": url = Value(); break;
                    case "--scenario": scenario = Value(); break;
                    case "--host-name": hostName = Value(); break;
                    case "--repeat": repeat = Number(1); break;
                    case "--warmup":
                        warmup = double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w) && w >= 0
                            ? w : throw new ArgumentException("--warmup is a number of seconds");
                        break;
                    case "--parallel": parallel = Number(1); break;
                    case "--max-elements": maxElements = Number(1); break;
                    case "--expect": expect = Number(0); break;
                    case "--server-pid": serverPid = Number(1); break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"EnumerateClient: {e.Message}");
                return null;
            }
        }
        if (url is null || scenario is not ("enumerate" or "wql" or "associators"))
        {
            Console.Error.WriteLine("usage: EnumerateClient --url URL --scenario enumerate|wql|associators [--host-name NAME] [--repeat N] [--warmup SECONDS] [--parallel N] [--max-elements N] [--expect N] [--server-pid PID]");
            return null;
        }
        return new Options(url, scenario, hostName, repeat, warmup, parallel, maxElements, expect, serverPid);
    }
}
