namespace WsManSvp.WsMan.Resources;

/// <summary>wsman:EnumerationMode (DSP0226 8.7): what each item of an enumeration is.</summary>
public enum EnumerationMode
{
    EnumerateObject,
    EnumerateEPR,
    EnumerateObjectAndEPR,
}
