using System.Globalization;
using System.Net;

// The baseline of bench/run.sh: Kestrel with nothing on top. For a POST it reads the whole request body
// and answers 200 with a fixed application/soap+xml reply of the given size, so the difference from
// WsManSvp is the WS-Management processing (parse, dispatch, CIM, serialise), not HTTP.
//
// Usage: BareKestrel PORT REPLY_BYTES
if (args.Length != 2 ||
    !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535 ||
    !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var replySize) || replySize is < 1 or > 16 * 1024 * 1024)
{
    Console.Error.WriteLine("usage: BareKestrel PORT REPLY_BYTES");
    return 2;
}

var reply = new byte[replySize];
reply.AsSpan().Fill((byte)' ');
var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><reply/>"u8;
head[..Math.Min(replySize, head.Length)].CopyTo(reply);

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});

var app = builder.Build();
app.Run(async http =>
{
    if (!HttpMethods.IsPost(http.Request.Method))
    {
        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return;
    }
    var reader = http.Request.BodyReader;
    while (true)
    {
        var result = await reader.ReadAsync(http.RequestAborted);
        reader.AdvanceTo(result.Buffer.End);
        if (result.IsCompleted) break;
    }
    http.Response.StatusCode = StatusCodes.Status200OK;
    http.Response.ContentType = "application/soap+xml;charset=UTF-8";
    http.Response.ContentLength = reply.Length;
    await http.Response.Body.WriteAsync(reply, http.RequestAborted);
});
await app.RunAsync();
return 0;
