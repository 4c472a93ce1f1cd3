#!/usr/bin/python3
"""A GeoReport v2 client in Python's standard library alone (see README.md).

    client_flow.py BASE_URL API_KEY            # discover, list, post, poll
    client_flow.py BASE_URL API_KEY follow ID  # poll ID again, read its updates

BASE_URL is the server's root (http://127.0.0.1:PORT). Speaks XML, the
specification's required format, the way the common client libraries do:
parameters through urllib.parse.urlencode, the api_key of a POST in the
query string, answers read with xml.etree. Walks a 311 app's flow and
exits non-zero, saying where, at the first thing that does not hold.
"""
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET


def fail(message):
    print("client_flow: " + message, file=sys.stderr)
    sys.exit(1)


# Straight to the server: never through a proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(url, data=None):
    request = urllib.request.Request(url, data=data)
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with OPENER.open(request, timeout=30) as answer:
            kind = answer.headers.get("Content-Type", "")
            if not kind.startswith("text/xml"):
                fail(f"{url}: content type {kind}")
            return answer.status, ET.fromstring(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, ET.fromstring(error.read())


def records(root, item):
    return [{child.tag: (child.text or "") for child in node} for node in root.findall(item)]


def follow(api, request_id):
    """The request after the agency answered: public, closed, its updates."""
    status, polled = call(f"{api}/requests/{request_id}.xml")
    request = records(polled, "request")
    if status != 200 or len(request) != 1:
        fail(f"following {request_id}: {status}")
    if request[0]["status"] != "closed" or not request[0]["status_notes"]:
        fail(f"following {request_id}: {request[0]}")
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))
    status, updates = call(api + "/servicerequestupdates.xml?" + urllib.parse.urlencode(
        {"start_date": start}))
    mine = [u for u in records(updates, "request_update")
            if u["service_request_id"] == request_id]
    if status != 200 or [u["status"] for u in mine] != ["OPEN", "CLOSED"]:
        fail(f"updates of {request_id}: {mine}")
    if mine[-1]["description"] != request[0]["status_notes"]:
        fail(f"the answer in the updates: {mine[-1]}")
    print(f"client_flow: followed {request_id}: {len(mine)} updates")
    return 0


def main():
    base, key = sys.argv[1].rstrip("/"), sys.argv[2]
    if len(sys.argv) == 5 and sys.argv[3] == "follow":
        return follow(base + "/open311/v2", sys.argv[4])
    status, discovery = call(base + "/open311/discovery.xml")
    if status != 200:
        fail(f"discovery: {status}")
    endpoint = discovery.find("endpoints/endpoint")
    formats = [f.text for f in endpoint.findall("formats/format")]
    if "text/xml" not in formats:
        fail(f"discovery formats {formats}")
    api = endpoint.findtext("url")
    if not api.startswith(base):
        fail(f"endpoint url {api}")

    status, services = call(api + "/services.xml?" + urllib.parse.urlencode(
        {"jurisdiction_id": "omsk.example"}))
    listed = records(services, "service")
    if status != 200 or not listed:
        fail("no services")
    code = listed[0]["service_code"]
    status, definition = call(f"{api}/services/{urllib.parse.quote(code)}.xml")
    if status != 200 or definition.findtext("service_code") != code:
        fail("service definition")

    status, requests = call(api + "/requests.xml?" + urllib.parse.urlencode(
        {"status": "open,closed", "service_code": code}))
    public = records(requests, "request")
    if status != 200 or not public:
        fail("no public requests")
    one = public[0]["service_request_id"]
    status, fetched = call(f"{api}/requests/{one}.xml")
    if status != 200 or fetched.findtext("request/service_request_id") != one:
        fail("fetching one request")

    # Post one, address only, as a phone app without GPS would.
    query = urllib.parse.urlencode({"api_key": key, "jurisdiction_id": "omsk.example"})
    form = urllib.parse.urlencode({
        "service_code": code,
        "address_string": "г. Омск, ул. Ленина, 10",
        "description": "Яма у остановки + лужа, 50 см",
        "email": "citizen@example.org",
        "first_name": "Иван",
    }).encode("ascii")
    status, posted = call(f"{api}/requests.xml?{query}", form)
    new_id = posted.findtext("request/service_request_id")
    if status not in (200, 201) or not new_id:
        fail(f"posting: {status} {ET.tostring(posted)!r}")

    # Poll it at once, by id list (encoded comma) and alone.
    status, polled = call(api + "/requests.xml?" + urllib.parse.urlencode(
        {"service_request_id": f"{new_id},{one}"}))
    got = records(polled, "request")
    if status != 200 or [r["service_request_id"] for r in got] != [new_id, one]:
        fail(f"polling by id list: {got}")
    mine = got[0]
    if mine["status"] != "open" or mine.get("description") or "citizen@" in ET.tostring(
            polled, encoding="unicode"):
        fail(f"the posted request before moderation: {mine}")

    # And its updates: the window of the last day, encoded as urlencode does.
    now = time.gmtime()
    start = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() - 86400))
    end = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", now)
    status, updates = call(api + "/servicerequestupdates.xml?" + urllib.parse.urlencode(
        {"start_date": start, "end_date": end}))
    if status != 200 or updates.tag != "service_request_updates":
        fail("updates")
    for update in records(updates, "request_update"):
        if update["status"] not in ("OPEN", "CLOSED") or not update["update_id"]:
            fail(f"update {update}")
    print(f"client_flow: ok ({len(listed)} services, {len(records(updates, 'request_update'))} "
          f"updates in the last day)")
    print(f"posted {new_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
