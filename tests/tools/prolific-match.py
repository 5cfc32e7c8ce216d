#!/usr/bin/env python3
"""Match over prolific researchers, two builds side by side in one run.

Writes a seeded collection shaped like a dblp expert-finding set (PEOPLE researchers, each a dblp XML person page of
50-500 papers whose titles come from the reviewer-expertise gold standard's papers in ../shared, most of them near
one another in that file so each person has a subject), ingests it with build A (`talent ingest --no-embed`), copies
the data folder for build B and rebuilds B's index with B (`talent admin reindex`, so each reads the index it writes),
then:
  - over HTTP: both query services (`talent serve`, sentence vectors off: words only; with --vectors, A's data folder
    is embedded first with `talent admin embed` and both rank with the vectors) answer the same match requests
    in turn (a paper's title and abstract as the description, top 20), after a warm-up; time as each service reports
    it (`tookMs`), p50 / p95 / p99, and whether both gave the same candidates with the same fits;
  - from the command line: `talent match --text FILE` with each build, ROUNDS times in turn (a new process each time,
    so the time includes starting the runtime and compiling);
  - over HTTP: twelve subjects as search queries (with explain), 5 rounds after 2 to warm up, both services in turn.

    python3 tests/tools/prolific-match.py --a OLD/talent.dll --b NEW/talent.dll --work /var/tmp/prolific [--vectors]
"""
import argparse
import html
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

VENUES = [("conf", "NeurIPS"), ("conf", "ICML"), ("conf", "ICLR"), ("conf", "CVPR"), ("conf", "ACL"),
          ("journals", "J. Mach. Learn. Res."), ("journals", "CoRR")]
FIRST = ["Ada", "Wei", "Maria", "John", "Li", "Anna", "Carlos", "Priya", "Hiro", "Olga", "Tom", "Sara", "Ivan", "Mei",
         "Omar", "Lena", "Raj", "Eva", "Ken", "Nora"]
LAST = ["Smith", "Wang", "Garcia", "Muller", "Chen", "Kumar", "Sato", "Ivanova", "Brown", "Rossi", "Kim", "Novak",
        "Silva", "Khan", "Lopez", "Meyer", "Tanaka", "Ali", "Costa", "Berg"]


SUBJECTS = ["reinforcement learning", "question answering", "machine translation", "graph neural networks",
            "active learning", "description logics", "image segmentation", "topic models", "bayesian optimization",
            "speech recognition", "causal inference", "federated learning"]
SEARCH_ROUNDS = 5


def papers(shared):
    path = os.path.join(shared, "data", "reviewer-expertise-goldstandard", "papers.jsonl")
    with open(path, encoding="utf-8") as f:
        return [p for p in map(json.loads, f) if p.get("title")]


def write_collection(docs, rows, people, seed):
    random.seed(seed)
    os.makedirs(docs)
    names = set()
    for i in range(people):
        name = None
        while name is None or name in names:
            name = random.choice(FIRST) + " " + random.choice(LAST)
        names.add(name)
        pid = f"{100 + i}/{1000 + i}"
        start = random.randrange(len(rows))
        records = []
        for j in range(random.randint(50, 500)):
            paper = rows[(start + random.randrange(300)) % len(rows)] if random.random() < 0.7 else random.choice(rows)
            kind, venue = random.choice(VENUES)
            others = [random.choice(FIRST) + " " + random.choice(LAST) for _ in range(random.randint(0, 4))]
            place = random.randint(0, len(others))
            authors = "".join(
                f'<author pid="{pid if a == name else "9/" + str(k)}">{html.escape(a)}</author>'
                for k, a in enumerate(others[:place] + [name] + others[place:]))
            element, container = ("inproceedings", "booktitle") if kind == "conf" else ("article", "journal")
            records.append(f'<r><{element} key="{kind}/x/{i}-{j}">{authors}<title>{html.escape(paper["title"])}.</title>'
                           f'<year>{random.randint(2005, 2025)}</year><{container}>{venue}</{container}></{element}></r>')
        with open(os.path.join(docs, f"p{i:03d}.xml"), "w", encoding="utf-8") as f:
            f.write(f'<?xml version="1.0" encoding="US-ASCII"?>\n<dblpperson name="{name}" pid="{pid}">'
                    f'<person key="homepages/{pid}"><author pid="{pid}">{name}</author></person>'
                    + "".join(records) + "</dblpperson>\n")


def talent(build, *args, env=None):
    return subprocess.run(["dotnet", build, *args], check=True, capture_output=True, text=True, env=env).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    def __init__(self, build, data, vectors):
        self.key = talent(build, "admin", "keys", "create", "--role", "recruiter", "--data", data).split()[-1]
        self.url = f"http://localhost:{free_port()}"
        env = dict(os.environ, Talent__Embeddings__Enabled="true" if vectors else "false")
        self.process = subprocess.Popen(["dotnet", build, "serve", "--data", data, "--urls", self.url], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                urllib.request.urlopen(self.url + "/health/ready")
                return
            except urllib.error.HTTPError as error:
                sys.exit(f"the service of {build} answered /health/ready with {error.code}")
            except OSError:
                if self.process.poll() is not None:
                    sys.exit(f"the service of {build} stopped")
                time.sleep(0.5)

    def match(self, text):
        body = json.dumps({"text": text, "top": 20}).encode()
        request = urllib.request.Request(self.url + "/api/match", data=body, headers={
            "Content-Type": "application/json", "X-Api-Key": self.key})
        answer = json.loads(urllib.request.urlopen(request).read())
        return answer["tookMs"], [(h["id"], h["fit"]) for h in answer["results"]]

    def search(self, query):
        request = urllib.request.Request(self.url + "/api/search?" + urllib.parse.urlencode({"q": query, "explain": "true"}),
                                         headers={"X-Api-Key": self.key})
        answer = json.loads(urllib.request.urlopen(request).read())
        return answer.pop("tookMs"), answer

    def stop(self):
        self.process.terminate()
        self.process.wait()


def percentiles(times):
    ordered = sorted(times)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
    return f"{pick(0.5):.0f} / {pick(0.95):.0f} / {pick(0.99):.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="talent.dll of the build before")
    parser.add_argument("--b", required=True, help="talent.dll of the build after")
    parser.add_argument("--work", required=True, help="folder for the collection and both data folders")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
    parser.add_argument("--people", type=int, default=199)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--vectors", action="store_true",
                        help="with sentence vectors: A's data folder embedded first (talent admin embed), both services ranking with them")
    options = parser.parse_args()

    rows = papers(options.shared)
    docs, data_a, data_b = (os.path.join(options.work, d) for d in ("docs", "data-a", "data-b"))
    if not os.path.isdir(docs):
        write_collection(docs, rows, options.people, options.seed)
    count = sum(len(open(os.path.join(docs, f), encoding="utf-8").read().split("<r>")) - 1 for f in os.listdir(docs))
    print(f"{len(os.listdir(docs))} researchers, {count} papers (seed {options.seed})")
    if not os.path.isdir(data_a):
        talent(options.a, "ingest", docs, "--data", data_a, "--no-embed")
    if options.vectors:
        talent(options.a, "admin", "embed", "--data", data_a)
    shutil.rmtree(data_b, ignore_errors=True)
    shutil.copytree(data_a, data_b)
    talent(options.b, "admin", "reindex", "--data", data_b)

    random.seed(options.seed + 1)
    with_abstracts = [p for p in rows if p.get("abstract")]
    texts = [p["title"] + "\n\n" + p["abstract"] for p in random.sample(with_abstracts, options.warmup + options.requests)]
    a, b = Service(options.a, data_a, options.vectors), Service(options.b, data_b, options.vectors)
    times = {"a": [], "b": []}
    searches = {"a": [], "b": []}
    differ = differ_searches = 0
    try:
        for i, text in enumerate(texts):
            order = [("a", a), ("b", b)] if i % 2 == 0 else [("b", b), ("a", a)]
            answers = {label: service.match(text) for label, service in order}
            if i >= options.warmup:
                for label in answers:
                    times[label].append(answers[label][0])
                differ += answers["a"][1] != answers["b"][1]
        # Subjects as search queries (each re-ranks its best hits by every title they wrote), 2 rounds to warm up.
        for round_ in range(SEARCH_ROUNDS + 2):
            for i, query in enumerate(SUBJECTS):
                order = [("a", a), ("b", b)] if (i + round_) % 2 == 0 else [("b", b), ("a", a)]
                answers = {label: service.search(query) for label, service in order}
                if round_ >= 2:
                    for label in answers:
                        searches[label].append(answers[label][0])
                    differ_searches += answers["a"][1] != answers["b"][1]
    finally:
        a.stop()
        b.stop()

    query = os.path.join(options.work, "description.txt")
    with open(query, "w", encoding="utf-8") as f:
        f.write(texts[0])
    command = {"a": [], "b": []}
    cli_env = dict(os.environ, Talent__Embeddings__Enabled="true" if options.vectors else "false")
    for _ in range(options.rounds):
        for label, build, data in (("a", options.a, data_a), ("b", options.b, data_b)):
            started = time.monotonic()
            answer = json.loads(talent(build, "match", "--text", query, "--data", data, "--json", "--top", "20", env=cli_env))
            command[label].append((time.monotonic() - started, answer["tookMs"]))

    load = os.getloadavg()[0]
    print(f"match over HTTP ({'with sentence vectors' if options.vectors else 'words only'}), {options.requests} descriptions "
          f"after {options.warmup} to warm up, ms p50 / p95 / p99; "
          f"load average {load:.2f} at the end")
    print("| build | HTTP match | `talent match`: process, s (median of %d) | of which the match, ms |" % options.rounds)
    print("| --- | --- | --- | --- |")
    for label, build in (("a", options.a), ("b", options.b)):
        wall = statistics.median(t for t, _ in command[label])
        took = statistics.median(t for _, t in command[label])
        print(f"| {label}: {build} | {percentiles(times[label])} | {wall:.2f} | {took:.0f} |")
    print(f"answers that differ between the builds: {differ} of {options.requests}")
    print(f"search, {len(SUBJECTS)} subjects × {SEARCH_ROUNDS} rounds with explain, ms p50 / p95 / p99: "
          f"a {percentiles(searches['a'])}, b {percentiles(searches['b'])}; "
          f"answers that differ: {differ_searches} of {len(SUBJECTS) * SEARCH_ROUNDS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
