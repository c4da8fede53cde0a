namespace WsManSvp.Virtualization;

/// <summary>Where the model lives: the virtualization model in root/cimv2, profile registration in root/interop.</summary>
public static class CimNamespaces
{
    public const string Cimv2 = "root/cimv2";
    public const string Interop = "root/interop";

    public static IReadOnlyList<string> All { get; } = [Cimv2, Interop];
}
