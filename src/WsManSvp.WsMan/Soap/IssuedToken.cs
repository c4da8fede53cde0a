using System.Xml;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Soap;

/// <summary>
/// A username token a Subscribe issues to the service for an event sink (DSP0226 10.2.2, wst:IssuedTokens):
/// the credentials, and the sink address they apply to (null: any).
/// </summary>
public sealed record IssuedToken(string UserName, string Password, string? AppliesTo)
{
    public const string TrustNamespace = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string PolicyNamespace = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    /// <summary>Reads wst:IssuedTokens (the reader is on it; ends past it): its username tokens, others ignored.</summary>
    public static List<IssuedToken> ReadAll(XmlReader r)
    {
        var tokens = new List<IssuedToken>();
        if (!r.EnterElement()) return tokens;
        do
        {
            if (r.LocalName == "RequestSecurityTokenResponse" && r.NamespaceURI == TrustNamespace) ReadResponse(r, tokens);
            else r.Skip();
        } while (r.NextChildElement());
        r.LeaveElement();
        return tokens;
    }

    private static void ReadResponse(XmlReader r, List<IssuedToken> tokens)
    {
        string? user = null, password = null, appliesTo = null;
        if (!r.EnterElement()) return;
        do
        {
            switch (r.NamespaceURI, r.LocalName)
            {
                case (TrustNamespace, "RequestedSecurityToken"):
                    using (var token = r.ReadSubtree())
                    {
                        while (token.Read())
                        {
                            if (token.NodeType != XmlNodeType.Element || token.NamespaceURI != SecurityNamespace) continue;
                            if (token.LocalName == "Username") user = token.ReadElementContentAsString().Trim();
                            if (token.NodeType == XmlNodeType.Element && token.LocalName == "Password") password = token.ReadElementContentAsString();
                        }
                    }
                    r.Read();
                    break;
                case (PolicyNamespace, "AppliesTo"):
                    using (var applies = r.ReadSubtree())
                    {
                        while (applies.Read())
                            if (applies.NodeType == XmlNodeType.Element && applies.LocalName == "Address" && applies.NamespaceURI == XmlNs.Addressing)
                                appliesTo = applies.ReadElementContentAsString().Trim();
                    }
                    r.Read();
                    break;
                default:
                    r.Skip();
                    break;
            }
        } while (r.NextChildElement());
        r.LeaveElement();
        if (user is not null && password is not null) tokens.Add(new IssuedToken(user, password, appliesTo));
    }
}
