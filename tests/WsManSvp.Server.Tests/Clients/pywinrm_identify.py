"""Identify through pywinrm's Protocol.send_message; prints the IdentifyResponse fields as JSON."""
import xml.etree.ElementTree as ET

from wsman_common import NS, emit, protocol

IDENTIFY = (
    '<s:Envelope xmlns:s="%(s)s" xmlns:wsmid="%(wsmid)s"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>' % NS
)

reply = ET.fromstring(protocol().send_message(IDENTIFY))
response = reply.find("s:Body/wsmid:IdentifyResponse", NS)
emit({
    "protocolVersion": response.findtext("wsmid:ProtocolVersion", None, NS),
    "productVendor": response.findtext("wsmid:ProductVendor", None, NS),
    "productVersion": response.findtext("wsmid:ProductVersion", None, NS),
    "securityProfiles": [e.text for e in response.iterfind("wsmid:SecurityProfiles/wsmid:SecurityProfileName", NS)],
})
