#!/usr/bin/env python3
"""Counts the extractor's NER errors on a CoNLL file by category.

usage: ner_errors.py CONLL_FILE [--type ORG] [--examples N] -- EXTRACT_COMMAND...

Builds the same texts as ../shared/eval/conll_ner.py (tokens joined by
spaces, one sentence a line, one file per -DOCSTART- document), runs the
extractor on them and sorts every gold mention of the type (default ORG)
the extractor missed, and every mention it predicted of that type that is
wrong, into one category:

  gold side   typed-PER / typed-LOC   exact span, other type
              too-long / too-short    one prediction overlaps, wider/narrower
              split                   two or more predictions inside it
              crossing                overlaps, neither inside the other
              missed                  nothing overlaps
  pred side   spurious                no gold mention overlaps
              gold-PER / gold-LOC     exact span of a gold mention of that type
              bad-span                overlaps a gold mention, other span

Each category is further marked "caps" when the gold (or predicted) span is
all in capitals, "line-caps" when its sentence is a line in capitals.
Prints counts and up to N examples of each with their sentence.
"""
import collections, json, os, subprocess, sys, tempfile

# conll_ner.py lives in the team's ../shared/eval, beside the repository.
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "shared", "eval"))
from conll_ner import read_docs, build, TYPEMAP  # noqa: E402


def line_of(text, s):
    a = text.rfind(b"\n", 0, s) + 1
    b = text.find(b"\n", s)
    return text[a:b if b >= 0 else len(text)].decode()


def caps(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def mark(text, s, e):
    line = line_of(text, s)
    span = text[s:e].decode()
    if caps(line) or sum(w.isupper() for w in line.split()) * 10 >= 9 * max(1, sum(any(c.isalpha() for c in w) for w in line.split())):
        return "line-caps"
    if caps(span):
        return "caps"
    return ""


def main():
    argv = sys.argv[1:]
    sep = argv.index("--")
    opts, cmd = argv[:sep], argv[sep + 1:]
    path = opts[0]
    typ = opts[opts.index("--type") + 1] if "--type" in opts else "ORG"
    nex = int(opts[opts.index("--examples") + 1]) if "--examples" in opts else 8
    docs = read_docs(path)
    tmp = tempfile.mkdtemp(prefix="nerr")
    built, files = [], []
    for k, d in enumerate(docs):
        text, _, _, gold = build(d)
        fn = os.path.join(tmp, "doc%04d.txt" % k)
        open(fn, "wb").write(text)
        built.append((text, gold))
        files.append(fn)
    out = subprocess.run(cmd + files, capture_output=True, text=True)
    if out.returncode:
        sys.exit("extract failed: " + out.stderr[-2000:])
    preds = {}
    for line in out.stdout.splitlines():
        if line.strip():
            o = json.loads(line)
            preds[os.path.basename(o.get("source", ""))] = o
    cats = collections.Counter()
    ex = collections.defaultdict(list)

    def note(cat, text, s, e, info=""):
        m = mark(text, s, e)
        key = cat + ("/" + m if m else "")
        cats[key] += 1
        if len(ex[key]) < nex:
            ex[key].append("%-30s %s | %s" % (text[s:e].decode(), info, line_of(text, s)[:150]))

    for k, (text, gold) in enumerate(built):
        o = preds.get("doc%04d.txt" % k, {"entities": []})
        pred = []
        for en in o.get("entities", []):
            t = TYPEMAP.get(en.get("type"))
            if t:
                for m in en.get("mentions") or []:
                    pred.append((m["start"], m["end"], t))
        pred = sorted(set(pred))
        misc = [g for g in gold if g[2] == "MISC"]
        gs = [g for g in gold if g[2] != "MISC"]
        gset = set(gs)
        for g in gs:
            if g[2] != typ or g in pred:
                continue
            same = [p for p in pred if p[0] == g[0] and p[1] == g[1]]
            over = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
            if same:
                note("typed-" + same[0][2], text, g[0], g[1])
            elif not over:
                note("missed", text, g[0], g[1])
            elif len(over) > 1 and all(g[0] <= p[0] and p[1] <= g[1] for p in over):
                note("split", text, g[0], g[1], "/".join(text[p[0]:p[1]].decode() + ":" + p[2] for p in over))
            else:
                p = over[0]
                info = "%s:%s" % (text[p[0]:p[1]].decode(), p[2])
                if p[0] <= g[0] and g[1] <= p[1]:
                    note("too-long", text, g[0], g[1], info)
                elif g[0] <= p[0] and p[1] <= g[1]:
                    note("too-short", text, g[0], g[1], info)
                else:
                    note("crossing", text, g[0], g[1], info)
        for p in pred:
            if p[2] != typ or p in gset or any(p[0] < m[1] and m[0] < p[1] for m in misc):
                continue
            same = [g for g in gs if g[0] == p[0] and g[1] == p[1]]
            over = [g for g in gs if g[0] < p[1] and p[0] < g[1]]
            if same:
                note("P:gold-" + same[0][2], text, p[0], p[1])
            elif over:
                note("P:bad-span", text, p[0], p[1], "gold " + "/".join(text[g[0]:g[1]].decode() + ":" + g[2] for g in over))
            else:
                note("P:spurious", text, p[0], p[1])
    for key, n in cats.most_common():
        print("%5d %s" % (n, key))
    for key, n in cats.most_common():
        print("\n== %s (%d)" % (key, n))
        for e in ex[key]:
            print("  " + e)


if __name__ == "__main__":
    main()
