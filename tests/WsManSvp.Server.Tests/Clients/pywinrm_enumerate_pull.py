"""Enumerate CIM_ComputerSystem, then Pull two at a time to the end, through pywinrm; prints what came back as JSON."""
from wsman_common import NS, action_of, emit, instance, protocol, send

ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/"
MAX_PULLS = 20

client = protocol()
reply, related = send(client, ENUMERATION + "Enumerate", "<wsen:Enumerate/>")
result = {"enumerateAction": action_of(reply), "relatesToRequest": related, "pullActions": [], "batchSizes": [], "items": []}
context = reply.findtext("s:Body/wsen:EnumerateResponse/wsen:EnumerationContext", None, NS)
result["endOfSequence"] = False
while context and not result["endOfSequence"] and len(result["pullActions"]) < MAX_PULLS:
    reply, related = send(
        client, ENUMERATION + "Pull",
        "<wsen:Pull><wsen:EnumerationContext>%s</wsen:EnumerationContext><wsen:MaxElements>2</wsen:MaxElements></wsen:Pull>" % context)
    result["relatesToRequest"] = result["relatesToRequest"] and related
    result["pullActions"].append(action_of(reply))
    response = reply.find("s:Body/wsen:PullResponse", NS)
    items = [instance(e) for e in response.iterfind("wsen:Items/*", NS)]
    result["batchSizes"].append(len(items))
    result["items"].extend(items)
    result["endOfSequence"] = response.find("wsen:EndOfSequence", NS) is not None
    context = response.findtext("wsen:EnumerationContext", None, NS)
emit(result)
