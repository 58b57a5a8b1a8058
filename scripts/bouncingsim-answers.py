"""Model answers for the BouncingSim fixture rows, with the verdicts the reference verifier gives them.

Writes test/fixtures/bouncingsim/answers/answers.jsonl: one line per (row, answer) with the full
model response and the expected {"results", "runtimes"} (runtimes: -1.0 where the test did not
pass, else the measured seconds; only that shape is compared). The verdicts come from an
independent re-implementation of the verifier's procedure (docs/bouncingsim-python.md): last
fence extracted, substring filter, then per assert a process forked from this one that applies
the guard, execs the program with check_distance, times the assert and reports through a pipe,
killed after 1 s. Run from the repository root: python3 scripts/bouncingsim-answers.py
"""
import builtins, json, math, os, re, signal, sys, time

ROWS = ["dataset_sample_basic.jsonl", "dataset_sample_hard.jsonl", "dataset_sample_cdfg_basic.jsonl", "dataset_sample_list.jsonl"]
HERE = "test/fixtures/bouncingsim"
FILTER = ["threading", "multiprocess", "multiprocessing", "import os", "from os", "shutil",
          "import torch", "from torch", "import sklearn", "from sklearn"]
LIMIT = 1.0
POSITIONS = re.compile(r"predict_position\([^)]*\)(?:\[\d+\])?, (\[.*\])\) <= ")


def extract(response):
    blocks = re.findall(r"```(?:python)?(.*?)```", response, re.DOTALL)
    return blocks[-1].strip() if blocks else response


def check_distance(pred, gt):
    # The verifier's order of operations: `not` first, truth minus prediction, mean over len(pred).
    if not pred or not gt:
        raise TypeError("empty")
    if len(pred) != len(gt):
        raise ValueError("length")
    total = 0.0
    for p, g in zip(pred, gt):
        px, py = p[0], p[1]
        total += math.sqrt((g[0] - px) ** 2 + (g[1] - py) ** 2)
    return round(total / len(pred), 3)


def load_guard():
    # The guard's list of disabled functions is defined once, in the worker's Python source.
    with open("language/bouncingsim/python/python-source.ts") as f:
        source = f.read()
    block = re.search(r"^def _guard\(\):\n(?:(?:    .*)?\n)+", source, re.M).group(0)
    namespace = {"builtins": builtins, "sys": sys}
    exec(block, namespace)
    return namespace["_guard"]


guard = load_guard()


def one_test(program, assertion):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        out = -1.0
        try:
            guard()
            namespace = {"check_distance": check_distance}
            exec(program, namespace)
            start = time.time()
            exec(assertion, namespace)
            out = time.time() - start
        except BaseException:
            pass
        os.write(w, repr(out).encode())
        os._exit(0)
    os.close(w)
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG)[0] == 0:
        time.sleep(0.002)
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    data = os.read(r, 100)
    os.close(r)
    runtime = float(data) if data else -1.0
    return (1 if runtime >= 0 else 0), runtime


def verdicts(response, tests):
    program = extract(response)
    if any(s in program for s in FILTER):
        return {"results": [0] * len(tests), "runtimes": [-1.0] * len(tests)}
    pairs = [one_test(program, t) for t in tests]
    return {"results": [p[0] for p in pairs], "runtimes": [p[1] for p in pairs]}


def fence(code, lead="Here is the solution.\n"):
    return lead + "```python\n" + code.strip("\n") + "\n```\n"


def answers(row):
    truths = [json.loads(POSITIONS.search(a).group(1)) for a in row["ground_truth"]]
    times = row["timestamps"]
    listing = row["prompt_setting"] == "list"
    table = {"%.2f" % t: p for t, p in zip(times, truths)}
    out = []
    if listing:
        out.append(("table", fence("def predict_position():\n    return %s\n" % json.dumps(truths))))
        out.append(("frozen", fence("def predict_position():\n    return [%s] * %d\n" % (json.dumps(truths[0]), len(truths)))))
        return out
    out.append(("table", fence("TABLE = %s\n\ndef predict_position(t):\n    return TABLE['%%.2f' %% t]\n" % json.dumps(table))))
    out.append(("frozen", "Thinking about it...\n```python\nimport math\n```\nFinal:\n" + fence(
        "import math\n\ndef predict_position(t):\n    return %s\n" % json.dumps(truths[0]))))
    # Off by exactly 50 on x at t = 0.50 and by 50.002 at t = 1.00: the tolerance boundary.
    shifted = {k: [[x + (50.0 if k == "0.50" else 50.002 if k == "1.00" else 30.0), y] for x, y in v] for k, v in table.items()}
    out.append(("boundary", fence("TABLE = %s\n\ndef predict_position(t):\n    return [tuple(p) for p in TABLE['%%.2f' %% t]]\n" % json.dumps(shifted))))
    return out


SPECIAL = [
    ("refused-comment", fence("# no threading here\nTABLE = {}\ndef predict_position(t):\n    return [[0.0, 0.0]]\n")),
    ("refused-import", fence("import os\ndef predict_position(t):\n    return [[0.0, 0.0]]\n")),
    ("filter-double-space", fence("import  os\nTABLE = %s\ndef predict_position(t):\n    os.getcwd\n    return TABLE['%%.2f' %% t]\n")),
    ("syntax-error", fence("def predict_position(t)\n    return [[0.0, 0.0]]\n")),
    ("py-tag", "```py\nTABLE = %s\ndef predict_position(t):\n    return TABLE['%%.2f' %% t]\n```"),
    ("no-fence", "TABLE = %s\ndef predict_position(t):\n    return TABLE['%%.2f' %% t]\n"),
    ("two-balls", fence("def predict_position(t):\n    return [[0.0, 0.0], [1.0, 1.0]]\n")),
    ("module-error", fence("undefined_name + 1\ndef predict_position(t):\n    return [[0.0, 0.0]]\n")),
    ("exit-call", fence("exit(0)\n")),
    ("sys-exit", fence("import sys\ndef predict_position(t):\n    sys.exit(0)\n")),
    ("nan", fence("def predict_position(t):\n    return [[float('nan'), 0.0]]\n")),
    ("numpy", fence("import numpy as np\nTABLE = %s\ndef predict_position(t):\n    return np.array(TABLE['%%.2f' %% t])\n")),
    ("noisy", fence("print('starting')\nTABLE = %s\ndef predict_position(t):\n    print('x' * 100000)\n    return TABLE['%%.2f' %% t]\n")),
    ("slow-late", fence("TABLE = %s\ndef predict_position(t):\n    while t > 1.25:\n        pass\n    return TABLE['%%.2f' %% t]\n")),
]


def main():
    lines = []
    for name in ROWS:
        with open(os.path.join(HERE, "rows", name)) as f:
            rows = [json.loads(line) for line in f if line.strip()]
        for row in rows:
            for answer, response in answers(row):
                lines.append({"rows": name, "id": row["id"], "answer": answer, "response": response})
            if name == "dataset_sample_basic.jsonl" and row["id"] == "A_0_1":
                times = row["timestamps"]
                truths = [json.loads(POSITIONS.search(a).group(1)) for a in row["ground_truth"]]
                table = json.dumps({"%.2f" % t: p for t, p in zip(times, truths)})
                for answer, response in SPECIAL:
                    lines.append({"rows": name, "id": row["id"], "answer": answer, "response": response.replace("%s", table).replace("%%", "%")})
    rows_by = {}
    for name in ROWS:
        with open(os.path.join(HERE, "rows", name)) as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    rows_by[(name, row["id"])] = row
    os.makedirs(os.path.join(HERE, "answers"), exist_ok=True)
    with open(os.path.join(HERE, "answers", "answers.jsonl"), "w") as f:
        for entry in lines:
            tests = rows_by[(entry["rows"], entry["id"])]["ground_truth"]
            entry["expected"] = verdicts(entry["response"], tests)
            f.write(json.dumps(entry) + "\n")
            print(entry["id"], entry["answer"], sum(entry["expected"]["results"]), file=sys.stderr)


if __name__ == "__main__":
    main()
