namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>
/// libvirt's scaled-integer units (virScaleInteger): "b", "byte", "bytes"; a letter k, m, g, t, p or e alone or
/// followed by "iB" for powers of 1024, followed by "B" for powers of 1000; all case-insensitive.
/// </summary>
internal static class Units
{
    private const string Prefixes = "kmgtpe";

    public static long Scale(string unit, string what)
    {
        var u = unit.Trim().ToLowerInvariant();
        if (u is "b" or "byte" or "bytes") return 1;
        var power = u.Length > 0 ? Prefixes.IndexOf(u[0], StringComparison.Ordinal) + 1 : 0;
        var multiple = u.Length > 0 ? u[1..] : "";
        long @base = multiple switch
        {
            "" or "ib" => 1024,
            "b" => 1000,
            _ => 0,
        };
        if (power == 0 || @base == 0)
            throw LibvirtXml.Failed($"{what} has an unknown unit '{unit}'.");
        var scale = 1L;
        for (var i = 0; i < power; i++) scale *= @base;
        return scale;
    }
}
