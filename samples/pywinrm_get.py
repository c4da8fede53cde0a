#!/usr/bin/python3
"""Enumerate every computer system (host and virtual) with pywinrm's Protocol.send_message.

Usage: /usr/bin/python3 samples/pywinrm_get.py http://127.0.0.1:5985/wsman USER PASSWORD
(Debian's python3-winrm; the endpoint speaks plain HTTP Basic on loopback, HTTPS elsewhere.)
"""
import sys
import uuid
import xml.etree.ElementTree as ET

import winrm

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "wsen": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
    "wsman": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
}
CS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem"


def envelope(endpoint, action, body, selectors=""):
    return f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
 xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
 xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
 xmlns:wsen="http://schemas.xmlsoap.org/ws/2004/09/enumeration"><s:Header>
<wsa:Action s:mustUnderstand="true">{action}</wsa:Action>
<wsa:To s:mustUnderstand="true">{endpoint}</wsa:To>
<wsman:ResourceURI s:mustUnderstand="true">{CS}</wsman:ResourceURI>
<wsa:MessageID s:mustUnderstand="true">uuid:{uuid.uuid4()}</wsa:MessageID>
<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>
{selectors}</s:Header><s:Body>{body}</s:Body></s:Envelope>"""


def main(endpoint, user, password):
    protocol = winrm.Protocol(endpoint=endpoint, transport="plaintext", username=user, password=password)
    reply = ET.fromstring(protocol.send_message(envelope(
        endpoint, "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate",
        "<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements></wsen:Enumerate>")))
    for system in reply.iterfind(".//wsman:Items/*", NS):
        fields = {child.tag.split("}")[1]: child.text for child in system}
        print(f"{fields['ElementName']:12} EnabledState={fields['EnabledState']:2}  Name={fields['Name']}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
