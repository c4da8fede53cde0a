"""What the pywinrm client scripts share: a winrm.Protocol from the environment, envelopes, JSON output.

The tests run these with Debian's /usr/bin/python3 (python3-winrm) and set WSMAN_ENDPOINT, WSMAN_USER
and WSMAN_PASSWORD; each script prints one JSON object on stdout.
"""
import json
import os
import sys
import uuid
import xml.etree.ElementTree as ET

import winrm

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "wsa": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "wsman": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "wsen": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
    "wsmid": "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd",
}
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
COMPUTER_SYSTEM = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem"
ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"


def protocol():
    return winrm.Protocol(
        endpoint=os.environ["WSMAN_ENDPOINT"],
        transport="plaintext",
        username=os.environ["WSMAN_USER"],
        password=os.environ["WSMAN_PASSWORD"],
    )


def send(client, action, body, resource_uri=COMPUTER_SYSTEM, selectors=()):
    """Sends one request through Protocol.send_message; returns the reply and whether it relates to the request."""
    message_id = "uuid:%s" % uuid.uuid4()
    selector_set = ""
    if selectors:
        selector_set = "<wsman:SelectorSet>%s</wsman:SelectorSet>" % "".join(
            '<wsman:Selector Name="%s">%s</wsman:Selector>' % pair for pair in selectors)
    xml = (
        '<s:Envelope xmlns:s="%(s)s" xmlns:wsa="%(wsa)s" xmlns:wsman="%(wsman)s" xmlns:wsen="%(wsen)s"><s:Header>' % NS
        + '<wsa:Action s:mustUnderstand="true">%s</wsa:Action>' % action
        + '<wsa:To s:mustUnderstand="true">%s</wsa:To>' % os.environ["WSMAN_ENDPOINT"]
        + '<wsman:ResourceURI s:mustUnderstand="true">%s</wsman:ResourceURI>' % resource_uri
        + '<wsa:MessageID s:mustUnderstand="true">%s</wsa:MessageID>' % message_id
        + "<wsa:ReplyTo><wsa:Address>%s</wsa:Address></wsa:ReplyTo>" % ANONYMOUS
        + selector_set
        + "</s:Header><s:Body>%s</s:Body></s:Envelope>" % body
    )
    reply = ET.fromstring(client.send_message(xml))
    relates_to = reply.findtext("s:Header/wsa:RelatesTo", None, NS)
    return reply, relates_to == message_id


def action_of(reply):
    return reply.findtext("s:Header/wsa:Action", None, NS)


def instance(element):
    """A CIM instance element as {className, namespace, properties}; arrays become lists, nil becomes null."""
    namespace, _, class_name = element.tag[1:].partition("}")
    properties = {}
    for child in element:
        name = child.tag.partition("}")[2]
        value = None if child.get(XSI_NIL) == "true" else (child.text or "")
        if name in properties:
            previous = properties[name]
            properties[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            properties[name] = value
    return {"className": class_name, "namespace": namespace, "properties": properties}


def emit(result):
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
