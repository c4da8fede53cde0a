#!/usr/bin/python3
"""A virtual machine's life with pywinrm's Protocol.send_message: DefineSystem, RequestStateChange (start),
CreateSnapshot, DestroySystem, polling each job with a Get until it finishes.

Usage: /usr/bin/python3 samples/vm_pywinrm.py http://127.0.0.1:5985/wsman USER PASSWORD [VM_NAME]
(Debian's python3-winrm; the endpoint speaks plain HTTP Basic on loopback, HTTPS elsewhere.)

The services are found as a DSP1042 client finds them, by enumerating their EPRs, so no host name is
needed. Embedded instances are sent as CIM-XML INSTANCE text, escaped (the form Hyper-V scripts use).
"""
import re
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import winrm
from winrm.exceptions import WinRMError

CIM = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/"
ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get"
ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate"
NS = {
    "wsa": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "wsman": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
}
JOB_STATES = {2: "New", 3: "Starting", 4: "Running", 5: "Suspended", 6: "Shutting Down",
              7: "Completed", 8: "Terminated", 9: "Killed", 10: "Exception"}
POLL_SECONDS = 0.1
POLL_LIMIT_SECONDS = 300


class Client:
    """Sends envelopes with Protocol.send_message and parses the replies."""

    def __init__(self, endpoint, user, password):
        self.endpoint = endpoint
        self.protocol = winrm.Protocol(endpoint=endpoint, transport="plaintext", username=user, password=password)

    def send(self, action, resource_uri, body="", selector_set=""):
        """The reply's first body element. A SOAP fault raises WinRMError."""
        message = f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
 xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
 xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
 xmlns:wsen="http://schemas.xmlsoap.org/ws/2004/09/enumeration"><s:Header>
<wsa:Action s:mustUnderstand="true">{action}</wsa:Action>
<wsa:To s:mustUnderstand="true">{escape(self.endpoint)}</wsa:To>
<wsman:ResourceURI s:mustUnderstand="true">{resource_uri}</wsman:ResourceURI>
<wsa:MessageID s:mustUnderstand="true">uuid:{uuid.uuid4()}</wsa:MessageID>
<wsa:ReplyTo><wsa:Address>{ANONYMOUS}</wsa:Address></wsa:ReplyTo>
{selector_set}</s:Header><s:Body>{body}</s:Body></s:Envelope>"""
        reply = ET.fromstring(self.protocol.send_message(message))
        return reply.find("{http://www.w3.org/2003/05/soap-envelope}Body")[0]

    def find_service(self, class_name):
        """The EPR of the host's one instance of a service class (EnumerateEPR, optimized)."""
        items = self.send(ENUMERATE, CIM + class_name,
                          "<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>10</wsman:MaxElements>"
                          "<wsman:EnumerationMode>EnumerateEPR</wsman:EnumerationMode></wsen:Enumerate>")
        eprs = items.findall("wsman:Items/wsa:EndpointReference", NS)
        if len(eprs) != 1:
            sys.exit(f"Expected one {class_name}, found {len(eprs)}.")
        return Epr(eprs[0])

    def invoke(self, target, method, parameters):
        """A CIM method (DSP0227 custom action): the output element, its ReturnValue as an int."""
        uri = target.resource_uri
        output = self.send(f"{uri}/{method}", uri,
                           f'<p:{method}_INPUT xmlns:p="{uri}">{parameters}</p:{method}_INPUT>', target.selector_set)
        return output, int(value(output, "ReturnValue"))

    def get(self, epr):
        return self.send(GET, epr.resource_uri, selector_set=epr.selector_set)

    def wait(self, what, output, code):
        """Waits for the job a method started (ReturnValue 4096), printing each state it moves to."""
        if code != 4096:
            sys.exit(f"{what} returned {code}, not 4096 (job started).")
        job = Epr(child(output, "Job"))
        print(f"{what}: ReturnValue {code}, job {job.selector('InstanceID')}")
        last, deadline = None, time.monotonic() + POLL_LIMIT_SECONDS
        while True:
            instance = self.get(job)
            state = int(value(instance, "JobState"))
            if state != last:
                print(f"  job {value(instance, 'InstanceID')}: JobState {state} ({JOB_STATES.get(state, '?')}) "
                      f"{value(instance, 'PercentComplete')}%")
                last = state
            if state == 7:
                return instance
            if state in (8, 9, 10):
                sys.exit(f"  ErrorCode {value(instance, 'ErrorCode')}: {value(instance, 'ErrorDescription')}")
            if time.monotonic() > deadline:
                sys.exit(f"The job did not finish in {POLL_LIMIT_SECONDS} s.")
            time.sleep(POLL_SECONDS)


class Epr:
    """An endpoint reference: its resource URI and selector set, kept as XML to be sent back as it came."""

    def __init__(self, element):
        parameters = element.find("wsa:ReferenceParameters", NS)
        self.resource_uri = parameters.find("wsman:ResourceURI", NS).text.strip()
        self._selectors = parameters.find("wsman:SelectorSet", NS)
        self.selector_set = ET.tostring(self._selectors, encoding="unicode")

    def selector(self, name):
        return next(s.text for s in self._selectors if s.get("Name") == name)

    def as_parameter(self, name):
        """The EPR as a method parameter p:NAME (wsa:Address and wsa:ReferenceParameters)."""
        return (f'<p:{name} xmlns:wsa="{NS["wsa"]}" xmlns:wsman="{NS["wsman"]}"><wsa:Address>{ANONYMOUS}</wsa:Address>'
                f"<wsa:ReferenceParameters><wsman:ResourceURI>{self.resource_uri}</wsman:ResourceURI>"
                f"{self.selector_set}</wsa:ReferenceParameters></p:{name}>")


def child(element, name):
    """The child element NAME, whatever its namespace."""
    return next(c for c in element if c.tag.split("}")[-1] == name)


def value(element, name):
    return child(element, name).text


def embedded(name, class_name, *properties):
    """An embedded instance parameter p:NAME as escaped CIM-XML INSTANCE text; properties are (name, CIM type, value)."""
    instance = f'<INSTANCE CLASSNAME="{class_name}">' + "".join(
        f'<PROPERTY NAME="{prop}" TYPE="{cim_type}"><VALUE>{escape(str(v))}</VALUE></PROPERTY>'
        for prop, cim_type, v in properties) + "</INSTANCE>"
    return f"<p:{name}>{escape(instance)}</p:{name}>"


def main(endpoint, user, password, vm_name="sample-vm"):
    client = Client(endpoint, user, password)
    management = client.find_service("CIM_VirtualSystemManagementService")
    snapshots = client.find_service("CIM_VirtualSystemSnapshotService")

    # DefineSystem (DSP1042 8.2.1): synchronous; 2 processors, 2 GiB of memory.
    output, code = client.invoke(management, "DefineSystem",
                                 embedded("SystemSettings", "CIM_VirtualSystemSettingData", ("ElementName", "string", vm_name))
                                 + embedded("ResourceSettings", "CIM_ResourceAllocationSettingData",
                                            ("ResourceType", "uint16", 3), ("VirtualQuantity", "uint64", 2))
                                 + embedded("ResourceSettings", "CIM_ResourceAllocationSettingData",
                                            ("ResourceType", "uint16", 4), ("VirtualQuantity", "uint64", 2048),
                                            ("AllocationUnits", "string", "byte*2^20")))
    if code != 0:
        sys.exit(f"DefineSystem returned {code}.")
    system = Epr(child(output, "ResultingSystem"))
    print(f"DefineSystem: ReturnValue {code}, {vm_name} is system {system.selector('Name')}")

    # RequestStateChange (DSP1057): 2 starts it.
    client.wait("RequestStateChange(2)", *client.invoke(system, "RequestStateChange", "<p:RequestedState>2</p:RequestedState>"))
    print(f"{vm_name}: EnabledState {value(client.get(system), 'EnabledState')}")

    # CreateSnapshot (DSP1042 8.3.1): 2 is a full snapshot; once the job completes, it leads to the snapshot.
    client.wait("CreateSnapshot", *client.invoke(snapshots, "CreateSnapshot",
                                                 system.as_parameter("AffectedSystem")
                                                 + embedded("SnapshotSettings", "CIM_VirtualSystemSettingData",
                                                            ("ElementName", "string", f"{vm_name} before changes"))
                                                 + "<p:SnapshotType>2</p:SnapshotType>"))

    # DestroySystem (DSP1042 8.2.2): powers it off, then removes it with its snapshots.
    client.wait("DestroySystem", *client.invoke(management, "DestroySystem", system.as_parameter("AffectedSystem")))
    try:
        client.get(system)
        sys.exit(f"{vm_name} is still there.")
    except WinRMError as fault:
        subcode = re.search(r"'fault_subcode': '([^']*)'", str(fault))
        print(f"{vm_name}: {subcode.group(1) if subcode else fault}")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
