"""Get of the host's CIM_ComputerSystem (name in argv[1]) through pywinrm; prints the instance as JSON."""
import sys

from wsman_common import NS, action_of, emit, instance, protocol, send

reply, related = send(
    protocol(),
    "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
    "",
    selectors=(("CreationClassName", "CIM_ComputerSystem"), ("Name", sys.argv[1]), ("__cimnamespace", "root/cimv2")),
)
body = reply.find("s:Body", NS)
emit({"action": action_of(reply), "relatesToRequest": related, "instance": instance(body[0])})
