using WsManSvp.Server.Hosting;

namespace WsManSvp.Server;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (args is ["--help"] or ["-h"])
            {
                Console.WriteLine(CommandLine.Usage);
                return 0;
            }
            if (args is ["user", ..]) return UserCommands.Run(args, Console.In, Console.Out);

            var settings = CommandLine.Parse(args);
            await using var server = await WsManServer.StartAsync(settings);
            StartupBanner.Write(Console.Out, server, settings);
            await server.WaitForShutdownAsync();
            return 0;
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"wsmansvp: {e.Message}");
            return 2;
        }
    }
}
