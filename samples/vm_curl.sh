#!/bin/bash
# A virtual machine's life with curl: DefineSystem, RequestStateChange (start), CreateSnapshot, DestroySystem,
# polling each job with a Get until it finishes. The envelopes are the files in samples/vm/; every @NAME@
# in them is replaced before they are posted.
#
# Usage:
#   WSMAN_URL=http://127.0.0.1:5985/wsman WSMAN_USER=wsman WSMAN_PASSWORD=... samples/vm_curl.sh
# Optional: WSMAN_HOST, the host's name in the services' keys (the server's --host-name; default: this
# machine's name), VM_NAME (default sample-vm). Plain HTTP is for loopback; use https:// elsewhere.
set -euo pipefail

: "${WSMAN_URL:?set WSMAN_URL, e.g. http://127.0.0.1:5985/wsman}"
: "${WSMAN_USER:?set WSMAN_USER}"
: "${WSMAN_PASSWORD:?set WSMAN_PASSWORD}"
WSMAN_HOST=${WSMAN_HOST:-$(hostname)}
VM_NAME=${VM_NAME:-sample-vm}
ENVELOPES=$(cd "$(dirname "$0")/vm" && pwd)

# A value as XML text, then as a replacement for sed: &, < and > escaped for XML, then \, | and & for sed.
sed_text() { printf '%s' "$1" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/[\\|&]/\\&/g'; }

# A value inside double quotes in curl's configuration: \ and " escaped.
curl_text() { printf '%s' "$1" | sed 's/[\\"]/\\&/g'; }

new_uuid() { cat /proc/sys/kernel/random/uuid 2>/dev/null || printf '%08x-0000-4000-8000-%012x' "$$" "$(date +%s%N)"; }

# post FILE [NAME=VALUE...]: posts samples/vm/FILE with @URL@, @HOST@, @MESSAGE_ID@ and each @NAME@ replaced;
# prints the reply. The credentials go to curl on its standard input, not on its command line.
post() {
    local file=$1 script envelope
    shift
    script="s|@URL@|$(sed_text "$WSMAN_URL")|g; s|@HOST@|$(sed_text "$WSMAN_HOST")|g; s|@MESSAGE_ID@|$(new_uuid)|g"
    for pair in "$@"; do script="$script; s|@${pair%%=*}@|$(sed_text "${pair#*=}")|g"; done
    envelope=$(mktemp)
    sed "$script" "$ENVELOPES/$file" > "$envelope"
    printf 'user = "%s:%s"\n' "$(curl_text "$WSMAN_USER")" "$(curl_text "$WSMAN_PASSWORD")" |
        curl -sS -K - -H 'Content-Type: application/soap+xml;charset=UTF-8' --data-binary @"$envelope" "$WSMAN_URL" || true
    rm -f "$envelope"
}

# value NAME: the text of the (last) element NAME, whatever its prefix, in the one-line reply on stdin.
value() { sed -n "s/.*<\([A-Za-z0-9_.-]*:\)\{0,1\}$1>\([^<]*\)<.*/\2/p"; }

# selector NAME: the value of the (last) selector NAME in the reply on stdin.
selector() { sed -n "s/.*<\([A-Za-z0-9_.-]*:\)\{0,1\}Selector Name=\"$1\">\([^<]*\)<.*/\2/p"; }

# fault_subcode: the SOAP fault's subcode in the reply on stdin; nothing when it is not a fault.
fault_subcode() { sed -n 's/.*<\([A-Za-z0-9_.-]*:\)\{0,1\}Subcode><\([A-Za-z0-9_.-]*:\)\{0,1\}Value>\([^<]*\)<.*/\3/p'; }

# call WHAT REPLY: fails with the fault when the reply is one; otherwise prints WHAT and the ReturnValue.
call() {
    local subcode
    subcode=$(fault_subcode <<< "$2")
    if [ -n "$subcode" ] || [ -z "$2" ]; then
        printf '%s failed: %s\n%s\n' "$1" "${subcode:-no SOAP reply (a wrong URL or wrong credentials?)}" "$2" >&2
        exit 1
    fi
    printf '%s: ReturnValue %s' "$1" "$(value ReturnValue <<< "$2")"
}

# wait_job INSTANCEID: polls the job every 200 ms until it finishes, printing each state it moves to;
# fails unless it completes.
wait_job() {
    local job=$1 last="" state reply polls=0
    while :; do
        reply=$(post get-job.xml JOB="$job")
        state=$(value JobState <<< "$reply")
        if [ "$state" != "$last" ]; then
            printf '  job %s: JobState %s (%s) %s%%\n' "$job" "$state" "$(value JobStatus <<< "$reply")" "$(value PercentComplete <<< "$reply")"
            last=$state
        fi
        case $state in
            7) return 0 ;;
            8|9|10) printf '  ErrorCode %s: %s\n' "$(value ErrorCode <<< "$reply")" "$(value ErrorDescription <<< "$reply")" >&2; exit 1 ;;
            2|3|4|5|6) ;;
            *) printf 'Not a job:\n%s\n' "$reply" >&2; exit 1 ;;
        esac
        polls=$((polls + 1))
        [ "$polls" -lt 1500 ] || { echo "job $job did not finish in 5 minutes" >&2; exit 1; }
        sleep 0.2
    done
}

# job_method WHAT FILE [NAME=VALUE...]: a method that returns 4096 and a Job, waited for.
job_method() {
    local what=$1 reply code job
    shift
    reply=$(post "$@")
    call "$what" "$reply"
    code=$(value ReturnValue <<< "$reply")
    [ "$code" = 4096 ] || { printf '\n%s returned %s, not 4096 (job started)\n' "$what" "$code" >&2; exit 1; }
    job=$(selector InstanceID <<< "$reply")
    printf ', job %s\n' "$job"
    wait_job "$job"
}

reply=$(post define-system.xml VM_NAME="$VM_NAME")
call DefineSystem "$reply"
[ "$(value ReturnValue <<< "$reply")" = 0 ] || { echo; echo "DefineSystem did not define $VM_NAME" >&2; exit 1; }
system=$(selector Name <<< "$reply")
printf ', %s is system %s\n' "$VM_NAME" "$system"

job_method "RequestStateChange(2)" request-state-change.xml SYSTEM="$system" STATE=2
printf '%s: EnabledState %s\n' "$VM_NAME" "$(post get-system.xml SYSTEM="$system" | value EnabledState)"

job_method CreateSnapshot create-snapshot.xml SYSTEM="$system" SNAPSHOT_NAME="$VM_NAME before changes"

job_method DestroySystem destroy-system.xml SYSTEM="$system"
printf '%s: %s\n' "$VM_NAME" "$(post get-system.xml SYSTEM="$system" | fault_subcode)"
