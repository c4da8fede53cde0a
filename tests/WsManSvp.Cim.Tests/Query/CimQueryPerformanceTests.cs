using System.Diagnostics;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using Xunit.Abstractions;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryPerformanceTests(ITestOutputHelper output)
{
    private const int Count = 100_000;

    [Fact]
    public void A_compiled_query_tests_100000_instances_well_under_a_second_without_allocating_per_instance()
    {
        var created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var instances = new CimInstance[Count];
        for (var i = 0; i < Count; i++)
        {
            instances[i] = QuerySchema.New("Q_Setting")
                .Set("InstanceID", $"setting-{i}")
                .Set("Caption", $"vm-{i % 1000}")
                .Set("Enabled", CimValue.Boolean(i % 2 == 0))
                .Set("U16", CimValue.UInt16((ushort)(i % 500)))
                .Set("Created", CimValue.DateTime(created.AddMinutes(i)))
                .Set("Codes", CimValue.UInt16Array((ushort)(i % 7), (ushort)(i % 11)));
        }
        var query = CimQuery.Parse(
            "SELECT * FROM Q_Setting WHERE (U16 >= 100 AND Caption LIKE 'vm-1%' OR NOT Enabled = TRUE) " +
            "AND Created > '2024-01-02T00:00:00Z' AND Codes = 3 AND Version IS NULL", QueryLanguage.Wql);
        query.Validate(QuerySchema.Repository);
        var expected = instances.Count(i => query.Matches(i));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var matched = 0;
        foreach (var instance in instances)
            if (query.Matches(instance)) matched++;
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        output.WriteLine($"{Count} instances in {clock.Elapsed.TotalMilliseconds:F1} ms, {allocated} bytes allocated, {matched} matched");
        Assert.Equal(expected, matched);
        Assert.InRange(matched, 1, Count - 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }
}
