using WsManSvp.Server.Authentication;

namespace WsManSvp.Server.Hosting;

/// <summary>"user add|remove|list": manages the users file of a data directory.</summary>
public static class UserCommands
{
    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output)
    {
        var dataDirectory = ServerSettings.DefaultDataDirectory();
        var rest = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Count) dataDirectory = Path.GetFullPath(args[++i]);
            else rest.Add(args[i]);
        }
        Directory.CreateDirectory(dataDirectory);
        using var file = new UserFile(dataDirectory, watch: false);
        switch (rest)
        {
            case ["add", var name]:
                var password = input.ReadLine();
                if (string.IsNullOrEmpty(password)) throw new CommandLineException("Give the password on standard input (one line).");
                file.Set(name, password);
                output.WriteLine($"User '{name}' stored in {file.FilePath}.");
                return 0;
            case ["remove", var name]:
                if (!file.Remove(name)) throw new CommandLineException($"There is no user '{name}' in {file.FilePath}.");
                output.WriteLine($"User '{name}' removed from {file.FilePath}.");
                return 0;
            case ["list"]:
                foreach (var user in file.Users.Order(StringComparer.Ordinal)) output.WriteLine(user);
                return 0;
            default:
                throw new CommandLineException("Use: user add NAME | user remove NAME | user list  [--data-dir DIR]");
        }
    }
}
