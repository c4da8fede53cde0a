using WsManSvp.Server.Authentication;

namespace WsManSvp.Server.Hosting;

/// <summary>What the run command prints once it listens: where, on what, and how to authenticate.</summary>
public static class StartupBanner
{
    public static void Write(TextWriter output, WsManServer server, ServerSettings settings)
    {
        var choice = server.CredentialChoice;
        output.WriteLine($"WsManSvp {typeof(StartupBanner).Assembly.GetName().Version?.ToString(3)}: WS-Management for virtualization hosts");
        foreach (var endpoint in server.Endpoints) output.WriteLine($"  Listening on   {endpoint}");
        output.WriteLine($"  Backend        {server.Hypervisor.BackendName}");
        output.WriteLine($"  Data directory {settings.DataDirectory}");
        output.WriteLine($"  Authentication HTTP Basic; {choice.Store.Description}");
        if (choice.GeneratedPassword is not null)
        {
            output.WriteLine($"  Generated credentials (shown this once; only a hash is stored): user '{Credentials.GeneratedUser}' password '{choice.GeneratedPassword}'");
            output.WriteLine("  Add or change users with: dotnet run --project src/WsManSvp.Server -- user add NAME  (password on stdin)");
        }
        var first = server.Endpoints.FirstOrDefault() ?? ServerSettings.DefaultUrl + WsManEndpoint.Path;
        output.WriteLine($"  Try            curl -s -u USER:PASSWORD -H 'Content-Type: application/soap+xml;charset=UTF-8' --data-binary @samples/identify.xml {first}");
        output.Flush();
    }
}
