"""Number allocation from several processes at once (DOMAIN.md rule 10): no ID is issued
twice, and a continuous sequence has no gaps even when transactions roll back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hierdesk.services import sequences
from hierdesk.services.context import Context

WORKER = r"""
import json, sys
from hierdesk.services.context import connect
from hierdesk.services.numbering import allocate

url, login, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
ctx = connect(url, login if not url.startswith("postgresql") else None)
issued = []
for i in range(count):
    try:
        with ctx.db.write() as session:
            value = allocate(session, "customer_account")
            if i % 4 == 3:
                raise RuntimeError("roll back")  # the number must come back
        issued.append(value)
    except RuntimeError:
        pass
ctx.db.dispose()
print(json.dumps(issued))
"""

PROCESSES = 6
PER_PROCESS = 24


def test_parallel_processes_never_share_an_id_and_leave_no_gap(workspace: Context) -> None:
    url = workspace.db.location.url
    before = sequences.get_sequence(workspace, "CUST")
    assert before.continuous
    env = dict(os.environ, HIERDESK_BUSY_TIMEOUT_MS="30000")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, workspace.login, str(PER_PROCESS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    issued: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        issued += json.loads(out)

    committed = PROCESSES * (PER_PROCESS - PER_PROCESS // 4)
    assert len(issued) == committed
    assert len(set(issued)) == committed  # no ID twice
    numbers = sorted(int(value[1:]) for value in issued)
    assert numbers == list(range(before.next, before.next + committed))  # no gap
    after = sequences.get_sequence(workspace, "CUST")
    assert after.next == before.next + committed
