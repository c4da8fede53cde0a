using System.Globalization;

namespace EventLatency;

/// <summary>The bench's command line.</summary>
internal sealed record Options(string Table, int Events, int Warmup, int Subscribers, int Rounds, bool Quick)
{
    public const string Usage = "usage: EventLatency --table FILE [--events N] [--warmup N] [--subscribers N] [--rounds N] [--quick]";

    public static Options? Parse(string[] args)
    {
        string? table = null;
        int events = 500, warmup = 100, subscribers = 1000, rounds = 20;
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
                    case "--events": events = Number(); break;
                    case "--warmup": warmup = Number(); break;
                    case "--subscribers": subscribers = Number(); break;
                    case "--rounds": rounds = Number(); break;
                    case "--quick": (events, warmup, subscribers, rounds, quick) = (50, 10, 100, 3, true); break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"EventLatency: {e.Message}");
                return null;
            }
        }
        if (table is null)
        {
            Console.Error.WriteLine(Usage);
            return null;
        }
        return new Options(table, events, warmup, subscribers, rounds, quick);
    }
}
