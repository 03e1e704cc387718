"""Compares every Delta table of two lakes row for row (as multisets, both ways) and prints one line per table.

    python bench/compare_lakes.py LAKE_A LAKE_B [--ignore COL ...]

Columns only in LAKE_B (added by a newer contract) are named and left out of the comparison; a column
only in LAKE_A counts as a difference. Columns that differ by design between two runs (ingestion time, batch ids, run ids) are left out with --ignore;
the default list names those of the ops and bronze tables. Exit status 1 when any table differs.
"""

import argparse
import pathlib
import sys

import duckdb
from deltalake import DeltaTable

DEFAULT_IGNORED = ["ingested_at", "audit_id", "started_at", "duration_ms", "computed_at", "run_id"]


def tables(root: pathlib.Path):
    return sorted(p.parent.relative_to(root).as_posix() for p in root.glob("*/*/_delta_log"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=pathlib.Path)
    parser.add_argument("b", type=pathlib.Path)
    parser.add_argument("--ignore", nargs="*", default=DEFAULT_IGNORED)
    args = parser.parse_args()
    names_a, names_b = tables(args.a), tables(args.b)
    differ = 0
    for name in sorted(set(names_a) | set(names_b)):
        if name not in names_a or name not in names_b:
            print(f"{name:32s} only in {'a' if name in names_a else 'b'}")
            differ += 1
            continue
        con = duckdb.connect()
        con.register("ta", DeltaTable(str(args.a / name)).to_pyarrow_dataset())
        con.register("tb", DeltaTable(str(args.b / name)).to_pyarrow_dataset())
        columns_a = [d[0] for d in con.execute("SELECT * FROM ta LIMIT 0").description]
        columns_b = [d[0] for d in con.execute("SELECT * FROM tb LIMIT 0").description]
        columns = [c for c in columns_a if c in columns_b and c not in args.ignore]
        added = [c for c in columns_b if c not in columns_a]
        dropped = [c for c in columns_a if c not in columns_b]
        if dropped:
            print(f"{name:32s} DIFFERENT: columns only in a: {', '.join(dropped)}")
            differ += 1
            continue
        select = ", ".join(f'"{c}"' for c in columns)
        rows_a = con.execute("SELECT count(*) FROM ta").fetchone()[0]
        rows_b = con.execute("SELECT count(*) FROM tb").fetchone()[0]
        only_a = con.execute(
            f"SELECT count(*) FROM (SELECT {select} FROM ta EXCEPT ALL SELECT {select} FROM tb)"
        ).fetchone()[0]
        only_b = con.execute(
            f"SELECT count(*) FROM (SELECT {select} FROM tb EXCEPT ALL SELECT {select} FROM ta)"
        ).fetchone()[0]
        same = rows_a == rows_b and only_a == 0 and only_b == 0
        differ += 0 if same else 1
        print(
            f"{name:32s} {'identical' if same else 'DIFFERENT'}: {rows_a} / {rows_b} rows,"
            f" {only_a} only in a, {only_b} only in b"
            + (f"; columns added in b (not compared): {', '.join(added)}" if added else "")
        )
    print(f"{differ} table(s) differ" if differ else "all tables identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
