#!/usr/bin/env python3
"""CPU and time per search, two builds side by side in one run.

Starts two query-only services (the benchmark program's `host` area) over the same data folder, index and database
copy, both with sentence vectors on, warms both with the queries, then sends each query to both in turn (the first
service alternating), ROUNDS times. For each build: the service's CPU per search (user + system of every thread, from
/proc, so both cores' work counts), the time per search as the client sees it (p50 / p90 / p99 / max), and what the
collector did per search (bytes allocated, first-generation collections, pause) from the host's /bench/managed.
CPU per search tells two builds apart on a machine whose speed moves from minute to minute; latency alone does not.

    dotnet build -c Release tests/Talent.Benchmarks     # once per build; copy bin/Release/net10.0 aside for the other
    python3 tests/tools/search-cpu.py --a OLD/Talent.Benchmarks.dll --b NEW/Talent.Benchmarks.dll \\
        --data /work/bench/100k-vectors --index /work/bench/100k/indexes

The default queries are the slowest of the search benchmark's mix (free-text topics over many candidates).
"""
import argparse
import json
import os
import socket
import subprocess
import time
import urllib.request

QUERIES = ["q=video%20generation", "q=efficient%20training", "q=distributed%20training", "q=vision-language%20models",
           "q=dataset%20distillation&skill=Python", "q=%22efficient%20training%22"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(dll, data, index, port):
    args = ["dotnet", dll, "host", "--data", data, "--urls", f"http://127.0.0.1:{port}", "--index", index,
            "--query-only", "--vectors"]
    # The host runs until its standard input closes.
    process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if process.poll() is not None:
            raise SystemExit(f"{dll}: the service exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready") as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}") as response:
        return response.read()


def timed(port, query):
    clock = time.perf_counter()
    get(port, f"api/search?{query}")
    return (time.perf_counter() - clock) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="Talent.Benchmarks.dll of the first build")
    parser.add_argument("--b", required=True, help="Talent.Benchmarks.dll of the second build")
    parser.add_argument("--data", required=True, help="data folder (a database with vectors: the vectors area's --copy)")
    parser.add_argument("--index", required=True, help="index root (the benchmark data folder's indexes)")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=15, help="rounds of every query before timing")
    parser.add_argument("--query", action="append", help="a search's query string (repeatable); the slow mix by default")
    options = parser.parse_args()
    queries = options.query or QUERIES
    builds = [("A", options.a), ("B", options.b)]
    services = []
    try:
        for name, dll in builds:
            port = free_port()
            services.append((name, port, start(dll, options.data, options.index, port)))
        for _ in range(options.warmup):
            for query in queries:
                for _, port, _ in services:
                    timed(port, query)
        before = {name: (cpu_ms(p.pid), json.loads(get(port, "bench/managed"))) for name, port, p in services}
        times = {name: [] for name, _, _ in services}
        for round_ in range(options.rounds):
            for i, query in enumerate(queries):
                order = services if (round_ + i) % 2 == 0 else services[::-1]
                for name, port, _ in order:
                    times[name].append(timed(port, query))
        for name, port, process in services:
            cpu = cpu_ms(process.pid) - before[name][0]
            managed = json.loads(get(port, "bench/managed"))
            t = sorted(times[name])
            n = len(t)
            gc = {k: (managed[k] - before[name][1][k]) / n for k in ("allocated", "collections", "paused")}
            print(f"{name} ({dict(builds)[name]}): CPU {cpu / n:.1f} ms per search; time p50 {t[n // 2]:.1f}, "
                  f"p90 {t[int(n * 0.9)]:.1f}, p99 {t[int(n * 0.99)]:.1f}, max {t[-1]:.1f} ms ({n} searches); "
                  f"allocated {gc['allocated'] / 1024:.0f} KB, gen0 collections {gc['collections']:.2f}, "
                  f"paused {gc['paused']:.2f} ms per search")
        with open("/proc/loadavg", encoding="ascii") as load:
            print("load average:", " ".join(load.read().split()[:3]))
    finally:
        for _, _, process in services:
            process.kill()
            process.wait()


if __name__ == "__main__":
    main()
